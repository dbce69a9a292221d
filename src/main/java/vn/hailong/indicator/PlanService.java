package vn.hailong.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import vn.hailong.access.Access;
import vn.hailong.audit.AuditLog;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.system.Texts;
import vn.hailong.template.Item;
import vn.hailong.template.ItemType;
import vn.hailong.template.Section;
import vn.hailong.template.SurveyTemplate;
import vn.hailong.template.TemplateCatalog;
import vn.hailong.unit.UnitService;

/**
 * Imports and finds plans; a plan is checked whole against the templates and units, and
 * stored whole or not at all.
 */
@Service
public class PlanService {

	private final PlanRepository plans;

	private final TemplateCatalog templates;

	private final UnitService units;

	private final TransactionalOperator transaction;

	private final AuditLog audit;

	PlanService(PlanRepository plans, TemplateCatalog templates, UnitService units, TransactionalOperator transaction,
			AuditLog audit) {
		this.plans = plans;
		this.audit = audit;
		this.templates = templates;
		this.units = units;
		this.transaction = transaction;
	}

	public Flux<Plan> findAll() {
		return this.plans.findAll();
	}

	/**
	 * Finds a plan with its indicators.
	 * @param code the plan's code
	 * @return the plan, or an error {@code not-found}
	 */
	public Mono<Plan> find(String code) {
		return this.plans.findByCode(code).switchIfEmpty(Mono.error(() -> ApiException.notFound("Plan", code)));
	}

	/**
	 * Checks that the member may import plans.
	 * @param access the signed-in member
	 * @return empty; an error {@code forbidden} for anyone but an administrator
	 */
	public Mono<Void> checkImport(Access access) {
		return Mono.fromRunnable(access::requireAdministrator);
	}

	/**
	 * Whether the member may import plans, for offering the form.
	 * @param access the signed-in member
	 * @return {@code true} for administrators
	 */
	public boolean mayImport(Access access) {
		return access.administrator();
	}

	/**
	 * Reads, checks and stores an uploaded plan (administrators only), which must be
	 * UTF-8, as {@link #importPlan(Access, String, boolean)} does.
	 * @param access the signed-in member
	 * @param bytes the plan as YAML or JSON, as received; {@code null} reads as empty
	 * @param json whether the text is JSON
	 * @return the plan as stored and whether it is new; an error {@code forbidden},
	 * {@code invalid-encoding} when the bytes are not UTF-8, {@code invalid-request}
	 * naming the fields, or {@code conflict}
	 */
	public Mono<Imported> importPlan(Access access, byte @Nullable [] bytes, boolean json) {
		return Mono.defer(() -> importPlan(access, (bytes != null) ? Texts.decodeUtf8(bytes, "body") : "", json));
	}

	/**
	 * Reads, checks and stores a plan (administrators only), as
	 * {@link #importPlan(String, boolean)} does, and records {@code plan.imported} in the
	 * same transaction.
	 * @param access the signed-in member
	 * @param text the plan as YAML or JSON
	 * @param json whether the text is JSON
	 * @return the plan as stored and whether it is new; an error {@code forbidden},
	 * {@code invalid-request} naming the fields, or {@code conflict}
	 */
	public Mono<Imported> importPlan(Access access, String text, boolean json) {
		return checkImport(access).then(Mono.defer(() -> importPlan(text, json)))
			.flatMap(
					(imported) -> this.audit
						.record("plan.imported", "plan", imported.plan().code(),
								Map.of("created", imported.created(), "indicators",
										imported.plan().indicators().size()))
						.thenReturn(imported))
			.as(this.transaction::transactional);
	}

	/**
	 * Reads, checks and stores a plan, replacing the one with the same code: its
	 * indicators are matched by reference, and one that has reported figures cannot be
	 * dropped.
	 * @param text the plan as YAML or JSON
	 * @param json whether the text is JSON
	 * @return the stored plan and whether it is new
	 */
	Mono<Imported> importPlan(String text, boolean json) {
		return Mono.fromCallable(() -> PlanReader.read(text, json))
			.flatMap(this::checkReferences)
			.flatMap((plan) -> save(plan)
				.flatMap((created) -> find(plan.code()).map((stored) -> new Imported(stored, created))));
	}

	private Mono<Boolean> save(Plan plan) {
		return this.plans.upsert(plan)
			.flatMap((saved) -> this.plans.refsWithFiguresOutside(saved.id(), refs(plan))
				.collectList()
				.flatMap((kept) -> kept.isEmpty() ? this.plans.replaceIndicators(saved.id(), plan.indicators())
						: Mono.error(new ApiException(HttpStatus.CONFLICT, "conflict", "Indicator in use",
								"Indicators " + kept + " have reported figures and cannot be removed", List.of())))
				.thenReturn(saved.created()))
			.as(this.transaction::transactional);
	}

	private static List<String> refs(Plan plan) {
		return plan.indicators().stream().map(Indicator::ref).toList();
	}

	private Mono<Plan> checkReferences(Plan plan) {
		var problems = new ArrayList<FieldProblem>();
		for (int i = 0; i < plan.indicators().size(); i++) {
			SurveyMeasure survey = plan.indicators().get(i).survey();
			if (survey != null) {
				checkSurvey(survey, "indicators[" + i + "].survey.", problems);
			}
		}
		Mono<Void> unit = (plan.unit() == null) ? Mono.empty()
				: this.units.find(plan.unit()).onErrorResume(ApiException.class, (ex) -> {
					problems.add(new FieldProblem("unit", "unknown", "No unit has code " + plan.unit()));
					return Mono.empty();
				}).then();
		return unit
			.then(Mono.defer(() -> problems.isEmpty() ? Mono.just(plan) : Mono.error(ApiException.invalid(problems))));
	}

	/**
	 * Checks a survey measure against the newest version of each template it reads: every
	 * template exists; the item or section is in each (the same code, a 5-point item or a
	 * section holding some); for {@code factor-mean} each names distinct official
	 * criteria, and several templates name the same criteria in the same factors (section
	 * codes), so that their answers pool into one set of criteria.
	 */
	private void checkSurvey(SurveyMeasure survey, String prefix, List<FieldProblem> problems) {
		var read = new ArrayList<SurveyTemplate>();
		for (int i = 0; i < survey.templates().size(); i++) {
			String code = survey.templates().get(i);
			var stored = this.templates.latest(code);
			if (stored.isEmpty()) {
				problems.add(new FieldProblem(templateField(survey, prefix, i), "unknown",
						"No survey template has code " + code));
			}
			else {
				read.add(stored.get().template());
			}
		}
		if (read.size() < survey.templates().size()) {
			return;
		}
		Map<String, String> firstFactors = null;
		for (int i = 0; i < read.size(); i++) {
			SurveyTemplate template = read.get(i);
			if (survey.method() == SurveyMethod.FACTOR_MEAN) {
				Map<String, String> factors = checkCriteria(survey, template, prefix, problems);
				if (i == 0) {
					firstFactors = factors;
				}
				else if (factors != null && firstFactors != null && !factors.equals(firstFactors)) {
					problems.add(new FieldProblem(templateField(survey, prefix, i), "incompatible",
							"factor-mean pools templates that name the same official criteria in the same factors; "
									+ template.key() + " differs from " + read.get(0).key()));
				}
			}
			checkScope(survey, template, prefix, problems);
		}
	}

	/**
	 * The field that names the i-th template of a measure: {@code template} for a measure
	 * on one template, {@code templates[i]} otherwise.
	 */
	private static String templateField(SurveyMeasure survey, String prefix, int i) {
		return (survey.templates().size() == 1) ? prefix + "template" : prefix + "templates[" + i + "]";
	}

	/**
	 * The criteria of a template for factor-mean, criterion → factor, or null if unfit.
	 */
	private static @Nullable Map<String, String> checkCriteria(SurveyMeasure survey, SurveyTemplate template,
			String prefix, List<FieldProblem> problems) {
		var factors = new java.util.LinkedHashMap<String, String>();
		int items = 0;
		for (Section section : template.sections()) {
			for (Item item : section.items()) {
				if (item.type() == ItemType.SCALE5 && item.criterion() != null && !item.local()) {
					items++;
					factors.put(item.criterion(), section.code());
				}
			}
		}
		if (items == 0) {
			problems.add(new FieldProblem(prefix + "method", "type", "Template " + template.key()
					+ " has no 5-point item naming an official criterion, so factor-mean has nothing to count"));
			return null;
		}
		if (factors.size() < items) {
			problems.add(new FieldProblem(prefix + "method", "type",
					"Template " + template.key()
							+ " names the same criterion on several items (a part, not a numbered criterion), "
							+ "so factor-mean cannot tell its criteria apart"));
			return null;
		}
		return factors;
	}

	private static void checkScope(SurveyMeasure survey, SurveyTemplate template, String prefix,
			List<FieldProblem> problems) {
		if (survey.item() != null) {
			var item = template.item(survey.item());
			if (item.isEmpty()) {
				problems.add(new FieldProblem(prefix + "item", "unknown",
						"Template " + template.key() + " has no item " + survey.item()));
			}
			else if (item.get().type() != ItemType.SCALE5) {
				problems.add(new FieldProblem(prefix + "item", "type",
						"Item " + survey.item() + " of template " + template.key() + " is not a 5-point item"));
			}
		}
		else if (survey.section() != null) {
			var section = template.sections().stream().filter((s) -> s.code().equals(survey.section())).findFirst();
			if (section.isEmpty()) {
				problems.add(new FieldProblem(prefix + "section", "unknown",
						"Template " + template.key() + " has no section " + survey.section()));
			}
			else if (rated(section.get()).isEmpty()) {
				problems.add(new FieldProblem(prefix + "section", "type",
						"Section " + survey.section() + " of template " + template.key() + " has no 5-point items"));
			}
		}
	}

	/**
	 * The 5-point items a measure covers in one version of its template: for
	 * {@code factor-mean} those that name an official criterion.
	 * @param survey the measure
	 * @param template a version of the measure's template
	 * @return the item codes; empty when the version lacks them
	 */
	public static List<String> coveredItems(SurveyMeasure survey, SurveyTemplate template) {
		if (survey.method() == SurveyMethod.FACTOR_MEAN) {
			return template.items()
				.stream()
				.filter((item) -> item.type() == ItemType.SCALE5 && item.criterion() != null && !item.local())
				.map(Item::code)
				.toList();
		}
		if (survey.item() != null) {
			return template.item(survey.item())
				.filter((item) -> item.type() == ItemType.SCALE5)
				.map((item) -> List.of(item.code()))
				.orElse(List.of());
		}
		return template.sections()
			.stream()
			.filter((section) -> survey.section() == null || section.code().equals(survey.section()))
			.flatMap((section) -> rated(section).stream())
			.toList();
	}

	private static List<String> rated(Section section) {
		return section.items().stream().filter((item) -> item.type() == ItemType.SCALE5).map(Item::code).toList();
	}

	/**
	 * A stored plan and whether the import made it.
	 *
	 * @param plan the plan as stored
	 * @param created true when no plan had its code before
	 */
	public record Imported(Plan plan, boolean created) {
	}

}
