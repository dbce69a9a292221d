package vn.hailong.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.r2dbc.postgresql.codec.Json;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The template versions known to the service: the files of the template folder,
 * synchronised into the database at start-up, and every version stored earlier that a
 * campaign may still use.
 */
@Service
@DependsOn("flywayInitializer")
public class TemplateCatalog implements InitializingBean {

	private static final Log logger = LogFactory.getLog(TemplateCatalog.class);

	private static final String SELECT = "select t.id, t.definition, t.owner_unit_id, u.code as owner_code, t.state, "
			+ "t.based_on_id from survey_template t left join unit u on u.id = t.owner_unit_id ";

	private static final String SELECT_STATE = "select id, state from survey_template";

	private final TemplateProperties properties;

	private final DatabaseClient database;

	private final JsonMapper json;

	private final Map<Long, StoredTemplate> byId = new ConcurrentHashMap<>();

	TemplateCatalog(TemplateProperties properties, DatabaseClient database, JsonMapper json) {
		this.properties = properties;
		this.database = database;
		this.json = json;
	}

	/**
	 * Reads and checks the template files, then stores new versions. Runs before the
	 * server takes traffic and blocks on purpose: a broken or changed-in-use template
	 * must stop start-up.
	 */
	@Override
	public void afterPropertiesSet() {
		List<SurveyTemplate> templates = TemplateFiles.read(this.properties.directories());
		Flux.fromIterable(templates).concatMap(this::synchronise).then().block();
		this.byId.clear();
		refresh().block();
		logger.info("Loaded " + templates.size() + " survey template files from " + this.properties.directories() + "; "
				+ this.byId.size() + " versions stored");
	}

	private Mono<Void> synchronise(SurveyTemplate template) {
		String definition = this.json.writeValueAsString(template);
		String checksum = sha256(definition);
		return this.database
			.sql("select t.id, t.checksum, exists (select 1 from campaign c where c.template_id = t.id) as used, "
					+ "t.owner_unit_id is not null as office from survey_template t where t.code = :code "
					+ "and (t.version = :version or t.owner_unit_id is not null) order by t.version limit 1")
			.bind("code", template.code())
			.bind("version", template.version())
			.map((row) -> new Existing(row.get("id", Long.class), row.get("checksum", String.class),
					Boolean.TRUE.equals(row.get("used", Boolean.class)),
					Boolean.TRUE.equals(row.get("office", Boolean.class))))
			.all()
			.collectList()
			.flatMap((found) -> found.isEmpty() ? insert(template, definition, checksum)
					: update(template, found.get(0), definition, checksum));
	}

	/*
	 * A version in use may not change, except to gain the mark of its overall item
	 * (Item.overall): that changes no question and no stored answer, only which item the
	 * explorer correlates the aspects with.
	 */
	private Mono<Void> update(SurveyTemplate template, Existing existing, String definition, String checksum) {
		if (existing.office()) {
			return Mono.error(new TemplateDefinitionException(template.key() + ".yaml",
					List.of(new TemplateDefinitionException.Fault(1, "the code '" + template.code()
							+ "' belongs to an office's template; give the official template another code"))));
		}
		if (existing.checksum().equals(checksum)) {
			return Mono.empty();
		}
		if (existing.used()
				&& !existing.checksum().equals(sha256(this.json.writeValueAsString(template.withoutOverall())))) {
			return Mono.error(new TemplateDefinitionException(template.key() + ".yaml",
					List.of(new TemplateDefinitionException.Fault(1,
							"version " + template.version() + " of '" + template.code()
									+ "' is used by a campaign, so its content may not change; "
									+ "save the edited template as version " + (template.version() + 1)))));
		}
		return this.database
			.sql("update survey_template set title_vi = :titleVi, title_en = :titleEn, definition = :definition, "
					+ "checksum = :checksum, loaded_at = now() where id = :id")
			.bind("titleVi", template.title().vi())
			.bind("titleEn", template.title().en())
			.bind("definition", Json.of(definition))
			.bind("checksum", checksum)
			.bind("id", existing.id())
			.then();
	}

	private Mono<Void> insert(SurveyTemplate template, String definition, String checksum) {
		return this.database
			.sql("insert into survey_template (code, version, title_vi, title_en, definition, checksum) "
					+ "values (:code, :version, :titleVi, :titleEn, :definition, :checksum)")
			.bind("code", template.code())
			.bind("version", template.version())
			.bind("titleVi", template.title().vi())
			.bind("titleEn", template.title().en())
			.bind("definition", Json.of(definition))
			.bind("checksum", checksum)
			.then();
	}

	/**
	 * Brings the catalogue up to date with the database: versions stored or published by
	 * another instance, drafts replaced. Reads the definitions of new versions only.
	 * @return completes once the catalogue is current
	 */
	public Mono<Void> refresh() {
		return this.database.sql(SELECT_STATE)
			.map((row) -> new Meta(row.get("id", Long.class), TemplateState.of(row.get("state", String.class))))
			.all()
			.collectList()
			.flatMap((metas) -> {
				var ids = new java.util.HashSet<Long>();
				var unknown = new java.util.ArrayList<Long>();
				for (Meta meta : metas) {
					ids.add(meta.id());
					StoredTemplate known = this.byId.get(meta.id());
					if (known == null) {
						unknown.add(meta.id());
					}
					else if (known.state() != meta.state()) {
						this.byId.put(meta.id(), known.withState(meta.state()));
					}
				}
				this.byId.keySet().retainAll(ids);
				return unknown.isEmpty() ? Mono.empty() : loadAll(unknown).then();
			});
	}

	/**
	 * Returns the stored version with the given id, reading it from the database when
	 * another instance stored it.
	 * @param id the id
	 * @return the template, or empty when there is none
	 */
	public Mono<StoredTemplate> load(long id) {
		StoredTemplate known = this.byId.get(id);
		return (known != null) ? Mono.just(known) : loadAll(List.of(id)).next();
	}

	private Flux<StoredTemplate> loadAll(List<Long> ids) {
		return this.database.sql(SELECT + "where t.id = any(:ids)").bind("ids", ids.toArray(Long[]::new)).map((row) -> {
			Long ownerId = row.get("owner_unit_id", Long.class);
			var owner = (ownerId != null) ? new StoredTemplate.Owner(ownerId, row.get("owner_code", String.class))
					: null;
			return new StoredTemplate(row.get("id", Long.class),
					this.json.readValue(row.get("definition", Json.class).asString(), SurveyTemplate.class), owner,
					TemplateState.of(row.get("state", String.class)), row.get("based_on_id", Long.class));
		}).all().doOnNext((stored) -> this.byId.put(stored.id(), stored));
	}

	/**
	 * Puts a version just stored or changed by this instance into the catalogue, or takes
	 * a replaced draft out.
	 * @param stored the version
	 */
	void put(StoredTemplate stored) {
		this.byId.put(stored.id(), stored);
	}

	void remove(long id) {
		this.byId.remove(id);
	}

	/**
	 * Returns the stored version with the given database id.
	 * @param id the id
	 * @return the template, or empty when there is none
	 */
	public Optional<StoredTemplate> byId(long id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	/**
	 * Returns the stored version with the given code and version.
	 * @param code the template code
	 * @param version the version
	 * @return the template, or empty when there is none
	 */
	public Optional<StoredTemplate> find(String code, int version) {
		return this.byId.values()
			.stream()
			.filter((stored) -> stored.template().code().equals(code) && stored.template().version() == version)
			.findFirst();
	}

	/**
	 * Returns the newest published version of a template.
	 * @param code the template code
	 * @return the template, or empty when none is published
	 */
	public Optional<StoredTemplate> latest(String code) {
		return this.byId.values()
			.stream()
			.filter((stored) -> stored.template().code().equals(code) && stored.published())
			.max(Comparator.comparingInt((stored) -> stored.template().version()));
	}

	/**
	 * Returns every stored version.
	 * @return the versions, in no particular order
	 */
	public Collection<StoredTemplate> all() {
		return this.byId.values();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Meta(long id, TemplateState state) {
	}

	private record Existing(long id, String checksum, boolean used, boolean office) {
	}

}
