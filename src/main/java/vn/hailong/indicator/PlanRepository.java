package vn.hailong.indicator;

import java.util.ArrayList;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes plans and their indicators.
 */
@Repository
class PlanRepository {

	private static final String SELECT_PLAN = "select p.id, p.code, p.issuer, p.year, p.title, p.source, u.code as unit "
			+ "from plan p left join unit u on u.id = p.unit_id ";

	private final DatabaseClient database;

	PlanRepository(DatabaseClient database) {
		this.database = database;
	}

	Flux<Plan> findAll() {
		return this.database.sql(SELECT_PLAN + "order by p.year desc, p.code")
			.map(PlanRepository::plan)
			.all()
			.concatMap(this::withIndicators);
	}

	Mono<Plan> findByCode(String code) {
		return this.database.sql(SELECT_PLAN + "where p.code = :code")
			.bind("code", code)
			.map(PlanRepository::plan)
			.one()
			.flatMap(this::withIndicators);
	}

	private Mono<Plan> withIndicators(Plan plan) {
		return this.database.sql(
				"select id, ref, name, comparator, target, kind, template_code, template_codes, scope, scope_code, method, "
						+ "numerator_label, denominator_label from indicator where plan_id = :plan order by position")
			.bind("plan", plan.id())
			.map(PlanRepository::indicator)
			.all()
			.collectList()
			.map((indicators) -> new Plan(plan.id(), plan.code(), plan.issuer(), plan.year(), plan.title(),
					plan.source(), plan.unit(), indicators));
	}

	/**
	 * Inserts the plan or updates the one with the same code.
	 * @return the plan's id and whether it was created
	 */
	Mono<Saved> upsert(Plan plan) {
		return this.database.sql("insert into plan (code, issuer, year, title, source, unit_id) "
				+ "values (:code, :issuer, :year, :title, :source, (select id from unit where code = :unit)) "
				+ "on conflict (code) do update set issuer = excluded.issuer, year = excluded.year, "
				+ "title = excluded.title, source = excluded.source, unit_id = excluded.unit_id, updated_at = now() "
				+ "returning id, (xmax = 0) as created")
			.bind("code", plan.code())
			.bind("issuer", plan.issuer())
			.bind("year", plan.year())
			.bind("title", plan.title())
			.bind("source", Parameters.text(plan.source()))
			.bind("unit", Parameters.text(plan.unit()))
			.map((row) -> new Saved(row.get("id", Long.class), Boolean.TRUE.equals(row.get("created", Boolean.class))))
			.one();
	}

	/**
	 * The references of the plan's indicators that have reported figures and are not in
	 * the given list.
	 */
	Flux<String> refsWithFiguresOutside(long plan, List<String> refs) {
		return this.database
			.sql("select i.ref from indicator i where i.plan_id = :plan and not (i.ref = any(:refs)) "
					+ "and exists (select 1 from reported_figure f where f.indicator_id = i.id) order by i.ref")
			.bind("plan", plan)
			.bind("refs", refs.toArray(String[]::new))
			.map((row) -> row.get("ref", String.class))
			.all();
	}

	Mono<Void> replaceIndicators(long plan, List<Indicator> indicators) {
		var refs = indicators.stream().map(Indicator::ref).toList();
		Mono<Void> delete = this.database.sql("delete from indicator where plan_id = :plan and not (ref = any(:refs))")
			.bind("plan", plan)
			.bind("refs", refs.toArray(String[]::new))
			.then();
		var upserts = new ArrayList<Mono<Void>>();
		for (int position = 0; position < indicators.size(); position++) {
			upserts.add(upsertIndicator(plan, position, indicators.get(position)));
		}
		return delete.then(Flux.concat(upserts).then());
	}

	private Mono<Void> upsertIndicator(long plan, int position, Indicator indicator) {
		SurveyMeasure survey = indicator.survey();
		ReportedMeasure reported = indicator.reported();
		String scope = null;
		String scopeCode = null;
		if (survey != null) {
			scope = (survey.item() != null) ? "item" : (survey.section() != null) ? "section" : "all";
			scopeCode = (survey.item() != null) ? survey.item() : survey.section();
		}
		return this.database
			.sql("insert into indicator (plan_id, ref, position, name, comparator, target, kind, template_code, "
					+ "template_codes, scope, scope_code, method, numerator_label, denominator_label) values (:plan, :ref, "
					+ ":position, :name, :comparator, :target, :kind, :template, :templates, :scope, :scopeCode, :method, "
					+ ":numerator, :denominator) "
					+ "on conflict (plan_id, ref) do update set position = excluded.position, name = excluded.name, "
					+ "comparator = excluded.comparator, target = excluded.target, kind = excluded.kind, "
					+ "template_code = excluded.template_code, template_codes = excluded.template_codes, scope = excluded.scope, scope_code = excluded.scope_code, "
					+ "method = excluded.method, numerator_label = excluded.numerator_label, "
					+ "denominator_label = excluded.denominator_label")
			.bind("plan", plan)
			.bind("ref", indicator.ref())
			.bind("position", position)
			.bind("name", indicator.name())
			.bind("comparator", indicator.comparator().symbol())
			.bind("target", Parameters.decimal(indicator.target()))
			.bind("kind", (survey != null) ? "survey" : "reported")
			.bind("template", Parameters.text((survey != null) ? survey.template() : null))
			.bind("templates", Parameters.texts((survey != null) ? survey.templates() : null))
			.bind("scope", Parameters.text(scope))
			.bind("scopeCode", Parameters.text(scopeCode))
			.bind("method", Parameters.text((survey != null) ? survey.method().code() : null))
			.bind("numerator", Parameters.text((reported != null) ? reported.numerator() : null))
			.bind("denominator", Parameters.text((reported != null) ? reported.denominator() : null))
			.then();
	}

	private static Plan plan(Readable row) {
		return new Plan(row.get("id", Long.class), row.get("code", String.class), row.get("issuer", String.class),
				row.get("year", Integer.class), row.get("title", String.class), row.get("source", String.class),
				row.get("unit", String.class), List.of());
	}

	private static Indicator indicator(Readable row) {
		var target = row.get("target", java.math.BigDecimal.class);
		SurveyMeasure survey = null;
		ReportedMeasure reported = null;
		if ("survey".equals(row.get("kind", String.class))) {
			String scope = row.get("scope", String.class);
			String scopeCode = row.get("scope_code", String.class);
			String[] templates = row.get("template_codes", String[].class);
			survey = new SurveyMeasure(
					(templates != null && templates.length > 0) ? List.of(templates)
							: List.of(row.get("template_code", String.class)),
					"section".equals(scope) ? scopeCode : null, "item".equals(scope) ? scopeCode : null,
					SurveyMethod.parse(row.get("method", String.class)).orElseThrow());
		}
		else {
			reported = new ReportedMeasure(row.get("numerator_label", String.class),
					row.get("denominator_label", String.class));
		}
		return new Indicator(row.get("id", Long.class), row.get("ref", String.class), row.get("name", String.class),
				Comparison.parse(row.get("comparator", String.class)).orElseThrow(),
				(target != null) ? target.doubleValue() : null, survey, reported);
	}

	record Saved(long id, boolean created) {
	}

}
