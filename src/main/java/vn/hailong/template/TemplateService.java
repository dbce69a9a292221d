package vn.hailong.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import vn.hailong.access.Access;
import vn.hailong.audit.AuditLog;
import vn.hailong.system.ApiException;
import vn.hailong.system.Texts;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * Offices' questionnaires: upload (YAML or XLSForm) as a draft, preview, publish, adapt
 * an official set, download and compare versions. Official templates are read-only and
 * seen by everyone; an office's template belongs to its unit and is seen by the members
 * of that unit, of the units above it and of the units below it; only the managers of the
 * owning unit (or above) change it. Every change is recorded in the audit log in its
 * transaction.
 */
@Service
public class TemplateService {

	private final TemplateCatalog catalog;

	private final TemplateRepository templates;

	private final UnitService units;

	private final AuditLog audit;

	private final TransactionalOperator transaction;

	private final JsonMapper json;

	TemplateService(TemplateCatalog catalog, TemplateRepository templates, UnitService units, AuditLog audit,
			TransactionalOperator transaction, JsonMapper json) {
		this.catalog = catalog;
		this.templates = templates;
		this.units = units;
		this.audit = audit;
		this.transaction = transaction;
		this.json = json;
	}

	/**
	 * The versions the member sees: every official one, and those of offices' templates
	 * owned by a unit in the member's scope or above the member's unit.
	 * @param access the signed-in member
	 * @return the versions, by code then version
	 */
	public Mono<List<StoredTemplate>> list(Access access) {
		return this.catalog.refresh()
			.then(parents())
			.map((parents) -> this.catalog.all()
				.stream()
				.filter((stored) -> visible(access, stored, parents))
				.sorted(Comparator.comparing((StoredTemplate stored) -> stored.template().code())
					.thenComparingInt((stored) -> stored.template().version()))
				.toList());
	}

	/**
	 * The newest published version of every template the member may launch a campaign on.
	 * @param access the signed-in member
	 * @return the versions, by code
	 */
	public Mono<List<StoredTemplate>> launchable(Access access) {
		return list(access).map((all) -> {
			var newest = new LinkedHashMap<String, StoredTemplate>();
			for (StoredTemplate stored : all) {
				if (stored.published()) {
					newest.put(stored.template().code(), stored);
				}
			}
			return List.copyOf(newest.values());
		});
	}

	/**
	 * Finds a version the member sees.
	 * @param access the signed-in member
	 * @param code the template's code
	 * @param version the version, or {@code null} for the newest published one (the draft
	 * when none is published)
	 * @return the version; an error {@code not-found} when there is none or the member
	 * does not see it
	 */
	public Mono<StoredTemplate> find(Access access, String code, @Nullable Integer version) {
		return list(access)
			.flatMap((all) -> Mono.justOrEmpty(all.stream()
				.filter((stored) -> stored.template().code().equals(code)
						&& (version == null || stored.template().version() == version))
				.reduce((a, b) -> (version == null && a.published() && !b.published()) ? a : b)))
			.switchIfEmpty(Mono.error(() -> notFound(code, version)));
	}

	/**
	 * The refusal of a version the member does not see: {@code outside-scope} when the
	 * template exists (as for another unit's campaign), otherwise {@code not-found}.
	 */
	private ApiException notFound(String code, @Nullable Integer version) {
		boolean exists = this.catalog.all()
			.stream()
			.anyMatch((stored) -> stored.template().code().equals(code)
					&& (version == null || stored.template().version() == version));
		return exists ? Access.outsideScope()
				: ApiException.notFound("Template", (version != null) ? code + " version " + version : code);
	}

	/**
	 * Every version of one template the member sees.
	 * @param access the signed-in member
	 * @param code the template's code
	 * @return the versions, oldest first; an error {@code not-found} when there is none
	 */
	public Mono<List<StoredTemplate>> versions(Access access, String code) {
		return list(access)
			.map((all) -> all.stream().filter((stored) -> stored.template().code().equals(code)).toList())
			.filter((found) -> !found.isEmpty())
			.switchIfEmpty(Mono.error(() -> notFound(code, null)));
	}

	/**
	 * Whether the member may upload versions of, publish and adapt into this template.
	 * @param access the signed-in member
	 * @param stored a version
	 * @return false for official templates and viewers
	 */
	public boolean mayChange(Access access, StoredTemplate stored) {
		return stored.owner() != null && access.canManage(stored.owner().unitId());
	}

	/**
	 * Reads an uploaded template (YAML or XLSForm), checks it whole and stores it as the
	 * draft of the next version, replacing an earlier draft; records
	 * {@code template.uploaded}. The version in the file may be the newest published one
	 * (an edit of it) or the next; the draft is stored as the next. A template adapted
	 * from an official one keeps the official sections and items unchanged.
	 * @param access the signed-in member, who must manage the owning unit
	 * @param upload the file and, for a new template, its owning unit
	 * @return the draft; an error {@code invalid-template} listing every fault with its
	 * place and storing nothing, {@code invalid-request} on the unit,
	 * {@code outside-scope} or {@code forbidden}
	 */
	public Mono<StoredTemplate> upload(Access access, TemplateUpload upload) {
		return Mono.fromCallable(() -> read(upload))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((read) -> this.catalog.refresh().then(parents()).flatMap((parents) -> {
				String code = read.template().code();
				var family = family(code);
				StoredTemplate newest = family.isEmpty() ? null : family.get(family.size() - 1);
				if (newest != null && newest.official()) {
					return Mono.error(TemplateFault.problem(List.of(TemplateFault.invalid(read.place("code"),
							"'" + code + "' is an official template, which offices do not change; adapt it into a "
									+ "template of your own (POST /api/v1/templates/" + code + "/adapt)"))));
				}
				return owner(access, upload.unit(), newest).flatMap((owner) -> {
					var faults = new ArrayList<TemplateFault>();
					int next = nextVersion(family);
					int given = read.template().version();
					int published = next - 1;
					if (given != next && (given != published || published == 0)) {
						faults.add(TemplateFault.invalid(read.place("version"), "version " + given + " does not follow "
								+ ((published == 0) ? "(a new template starts at version 1)" : "version " + published
										+ ": upload version " + published + " (edited) or " + next)));
					}
					Long basedOnId = family.isEmpty() ? null : family.get(0).basedOnId();
					if (basedOnId != null) {
						StoredTemplate base = this.catalog.byId(basedOnId).orElseThrow();
						faults.addAll(AdaptedTemplates.check(base.template(), read));
					}
					for (String text : texts(read.template())) {
						String why = Texts.unstorable(text);
						if (why != null) {
							faults.add(TemplateFault.invalid("file", "a text " + why));
							break;
						}
					}
					if (!faults.isEmpty()) {
						return Mono.error(TemplateFault.problem(faults));
					}
					SurveyTemplate template = withVersion(read.template(), next);
					StoredTemplate draft = family.stream()
						.filter((stored) -> stored.state() == TemplateState.DRAFT)
						.findFirst()
						.orElse(null);
					return store(template, owner, basedOnId, draft, "template.uploaded",
							Map.of("code", code, "version", next, "format", upload.format().code()));
				});
			}));
	}

	/**
	 * Reads and checks an uploaded template without storing it, as a preview of what an
	 * upload would store (version numbering and the checks of an adapted template aside).
	 * @param access the signed-in member
	 * @param upload the file
	 * @return the template as read; an error {@code invalid-template} listing every fault
	 * with its place
	 */
	public Mono<SurveyTemplate> check(Access access, TemplateUpload upload) {
		return Mono.fromCallable(() -> read(upload).template()).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Copies the newest published version of an official template into a new template of
	 * an office, as its version 1 draft; records {@code template.adapted}. Local items
	 * and sections are then added by uploading the next draft; the official ones stay as
	 * they are, so that indicators on the official template count this one's answers too.
	 * @param access the signed-in member, who must manage the unit
	 * @param official the official template's code
	 * @param request the new template's code and owning unit
	 * @return the draft; an error {@code not-found}, {@code invalid-request} naming
	 * {@code code} or {@code unit}, {@code outside-scope} or {@code forbidden}
	 */
	public Mono<StoredTemplate> adapt(Access access, String official, AdaptRequest request) {
		return this.catalog.refresh()
			.then(Mono.defer(() -> Mono.justOrEmpty(this.catalog.latest(official).filter(StoredTemplate::official))))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Official template", official)))
			.flatMap((base) -> {
				String code = request.code();
				if (code == null || !code.matches("^[a-z0-9]+(-[a-z0-9]+)*$") || code.length() > 100) {
					return Mono.error(ApiException.invalid("code", "invalid",
							"code is required: lower-case letters, digits and single hyphens, such as " + official
									+ "-can-giuoc"));
				}
				if (!family(code).isEmpty()) {
					return Mono.error(ApiException.invalid("code", "taken",
							"a template with code " + code + " exists already; upload a new version of it instead"));
				}
				if (request.unit() == null || request.unit().isBlank()) {
					return Mono.error(ApiException.invalid("unit", "required", "the owning unit's code is required"));
				}
				return owner(access, request.unit(), null).flatMap((owner) -> {
					SurveyTemplate source = base.template();
					var copy = new SurveyTemplate(code, 1, source.title(), source.description(), source.source(),
							source.sections());
					return store(copy, owner, base.id(), null, "template.adapted",
							Map.of("code", code, "version", 1, "from", source.key()));
				});
			});
	}

	/**
	 * Publishes a draft, so that campaigns may use it; from then on it never changes.
	 * Records {@code template.published}.
	 * @param access the signed-in member, who must manage the owning unit
	 * @param code the template's code
	 * @param version the draft's version
	 * @return the published version; an error {@code not-found}, {@code outside-scope},
	 * {@code forbidden} or {@code template-state} when the version is not a draft
	 */
	public Mono<StoredTemplate> publish(Access access, String code, int version) {
		return find(access, code, version).flatMap((stored) -> {
			requireChange(access, stored);
			if (stored.state() != TemplateState.DRAFT) {
				return Mono
					.error(ApiException.conflict("template-state", "Template version already published", "Version "
							+ version + " of " + code + " is published already; upload a new version to change it"));
			}
			return this.templates.publish(stored.id())
				.flatMap((changed) -> (changed == 1)
						? this.audit
							.record("template.published", "template", code + ".v" + version, stored.owner().unitId(),
									Map.of("code", code, "version", version))
							.thenReturn(stored.withState(TemplateState.PUBLISHED))
						: Mono.error(ApiException.conflict("template-state", "Template version changed meanwhile",
								"Version " + version + " of " + code + " was published meanwhile")))
				.as(this.transaction::transactional)
				.doOnNext(this.catalog::put);
		});
	}

	/**
	 * A version as a file to download.
	 * @param access the signed-in member
	 * @param code the template's code
	 * @param version the version
	 * @param format YAML or XLSForm
	 * @return the file; an error {@code not-found}
	 */
	public Mono<TemplateFile> download(Access access, String code, int version, TemplateFormat format) {
		return find(access, code, version).publishOn(Schedulers.boundedElastic()).map((stored) -> {
			SurveyTemplate template = stored.template();
			String name = template.code() + ".v" + template.version() + "." + format.extension();
			byte[] content = (format == TemplateFormat.YAML)
					? TemplateYaml.write(template).getBytes(java.nio.charset.StandardCharsets.UTF_8)
					: XlsFormWriter.write(template);
			return new TemplateFile(name, format.mediaType(), content);
		});
	}

	/**
	 * What changed between two versions of a template.
	 * @param access the signed-in member
	 * @param code the template's code
	 * @param from the earlier version
	 * @param to the later version
	 * @return the sections and items added, removed, reworded or otherwise changed; an
	 * error {@code not-found}
	 */
	public Mono<TemplateDiff> diff(Access access, String code, int from, int to) {
		return find(access, code, from).zipWith(find(access, code, to))
			.map((both) -> TemplateDiff.between(both.getT1().template(), both.getT2().template()));
	}

	private Mono<StoredTemplate> store(SurveyTemplate template, StoredTemplate.Owner owner, @Nullable Long basedOnId,
			@Nullable StoredTemplate draft, String action, Map<String, Object> detail) {
		String definition = this.json.writeValueAsString(template);
		Mono<Long> replace = (draft != null) ? this.templates.deleteDraft(draft.id()) : Mono.just(0L);
		return replace.then(this.templates.insertDraft(template, definition, owner.unitId(), basedOnId))
			.flatMap((id) -> this.audit
				.record(action, "template", template.key(), owner.unitId(),
						(draft != null) ? with(detail, "replaced", true) : detail)
				.thenReturn(new StoredTemplate(id, template, owner, TemplateState.DRAFT, basedOnId)))
			.as(this.transaction::transactional)
			.onErrorMap(DataIntegrityViolationException.class,
					(ex) -> ApiException.conflict("template-state", "Template changed meanwhile",
							"Another version of " + template.code() + " was stored meanwhile; read it and try again"))
			.doOnNext((stored) -> {
				if (draft != null) {
					this.catalog.remove(draft.id());
				}
				this.catalog.put(stored);
			});
	}

	private static Map<String, Object> with(Map<String, Object> detail, String key, Object value) {
		var copy = new LinkedHashMap<>(detail);
		copy.put(key, value);
		return copy;
	}

	/**
	 * The unit that owns a template: the family's owner for an existing template, the
	 * named unit (or the member's own) for a new one; the member must manage it.
	 */
	private Mono<StoredTemplate.Owner> owner(Access access, @Nullable String unit, @Nullable StoredTemplate newest) {
		if (newest != null) {
			StoredTemplate.Owner owner = Objects.requireNonNull(newest.owner());
			if (unit != null && !unit.isBlank() && !unit.equals(owner.unitCode())) {
				return Mono.error(ApiException.invalid("unit", "owner",
						"template " + newest.template().code() + " belongs to unit " + owner.unitCode()));
			}
			return Mono.fromCallable(() -> {
				access.requireManage(owner.unitId());
				return owner;
			});
		}
		String code = (unit != null && !unit.isBlank()) ? unit : access.member().unitCode();
		if (code == null) {
			return Mono.error(
					ApiException.invalid("unit", "required", "the owning unit's code is required for a new template"));
		}
		return this.units.find(code)
			.onErrorMap(ApiException.class,
					(ex) -> ex.status().value() == 404
							? ApiException.invalid("unit", "unknown", "no unit has code " + code) : ex)
			.map((found) -> {
				access.requireManage(found.id());
				return new StoredTemplate.Owner(found.id(), found.code());
			});
	}

	private void requireChange(Access access, StoredTemplate stored) {
		if (stored.owner() == null) {
			throw ApiException.conflict("template-official", "Official templates are read-only",
					"Template " + stored.template().code() + " is an official set, read from the template folder; "
							+ "adapt it into a template of your own to add local items");
		}
		access.requireManage(stored.owner().unitId());
	}

	private List<StoredTemplate> family(String code) {
		return this.catalog.all()
			.stream()
			.filter((stored) -> stored.template().code().equals(code))
			.sorted(Comparator.comparingInt((stored) -> stored.template().version()))
			.toList();
	}

	private static int nextVersion(List<StoredTemplate> family) {
		return family.stream()
			.filter(StoredTemplate::published)
			.mapToInt((stored) -> stored.template().version())
			.max()
			.orElse(0) + 1;
	}

	private static ReadTemplate read(TemplateUpload upload) {
		if (upload.format() == TemplateFormat.XLSFORM) {
			return XlsFormReader.read(upload.content());
		}
		String yaml = Texts.decodeUtf8(upload.content(), "file");
		try {
			return TemplateParser.read("upload", yaml);
		}
		catch (TemplateDefinitionException ex) {
			throw TemplateFault.problem(ex.faults()
				.stream()
				.map((fault) -> TemplateFault.invalid("line " + fault.line(), fault.problem()))
				.toList());
		}
	}

	private static SurveyTemplate withVersion(SurveyTemplate template, int version) {
		return new SurveyTemplate(template.code(), version, template.title(), template.description(), template.source(),
				template.sections());
	}

	private static List<String> texts(SurveyTemplate template) {
		var texts = new ArrayList<String>();
		Function<LocalizedText, Void> add = (text) -> {
			if (text != null) {
				texts.add(text.vi());
				texts.add(text.en());
			}
			return null;
		};
		add.apply(template.title());
		add.apply(template.description());
		if (template.source() != null) {
			texts.add(template.source());
		}
		for (Section section : template.sections()) {
			add.apply(section.title());
			for (Item item : section.items()) {
				add.apply(item.text());
				item.options().forEach((option) -> add.apply(option.text()));
			}
		}
		return texts;
	}

	/** Unit code → parent code, for seeing the templates of the units above one's own. */
	private Mono<Map<String, @Nullable String>> parents() {
		return this.units.findAll().collectList().map((all) -> {
			var parents = new HashMap<String, @Nullable String>();
			for (Unit unit : all) {
				parents.put(unit.code(), unit.parent());
			}
			return parents;
		});
	}

	private static boolean visible(Access access, StoredTemplate stored, Map<String, @Nullable String> parents) {
		StoredTemplate.Owner owner = stored.owner();
		if (owner == null || access.canRead(owner.unitId())) {
			return true;
		}
		int steps = 0;
		for (String unit = access.member().unitCode(); unit != null && steps < 100; unit = parents.get(unit)) {
			if (unit.equals(owner.unitCode())) {
				return true;
			}
			steps++;
		}
		return false;
	}

	/**
	 * Whether every unit lies in the subtree of a template's owner, as a campaign on an
	 * office's template requires.
	 * @param stored the template version
	 * @param unitCodes the campaign's units
	 * @param parents unit code → parent code
	 * @return the codes of the units outside, empty for an official template
	 */
	public static List<String> outsideOwner(StoredTemplate stored, List<String> unitCodes,
			Map<String, @Nullable String> parents) {
		if (stored.owner() == null) {
			return List.of();
		}
		var outside = new ArrayList<String>();
		for (String code : unitCodes) {
			boolean inside = false;
			int steps = 0;
			for (String unit = code; unit != null && steps < 100; unit = parents.get(unit)) {
				if (unit.equals(stored.owner().unitCode())) {
					inside = true;
					break;
				}
				steps++;
			}
			if (!inside) {
				outside.add(code);
			}
		}
		return outside;
	}

	/**
	 * A request to adapt an official template.
	 *
	 * @param code the new template's code
	 * @param unit the owning unit's code
	 */
	public record AdaptRequest(@Nullable String code, @Nullable String unit) {
	}

	/**
	 * A version as a file.
	 *
	 * @param name the file name, such as {@code kiem-thu.v2.xlsx}
	 * @param mediaType its media type
	 * @param content its bytes
	 */
	public record TemplateFile(String name, String mediaType, byte[] content) {
	}

}
