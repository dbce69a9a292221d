package vn.hailong.response;

import java.util.LinkedHashMap;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Recomputes a campaign's aggregates from its stored responses and answers, with the same
 * expressions as the intake ({@link AggregateWriter}), compares them with the kept ones
 * and replaces them.
 */
@Repository
class AggregateRepository {

	private static final String FRESH_RESPONSES = """
			select unit_id, count(*) as responses from response where campaign_id = :campaign group by unit_id
			""";

	private static final String FRESH_VALUES = """
			select unit_id, item, value, count(*) as answers, count(*) filter (where position = 0) as respondents
			from answer where campaign_id = :campaign group by unit_id, item, value
			""";

	private static final String FRESH_MEASURES = """
			select unit_id, measure, count(*) as respondents, sum(m) as answers, sum(a) as satisfied,
			    sum(a * a) as satisfied_squares, sum(m * m) as answers_squares, sum(a * m) as cross_products,
			    count(*) filter (where s >= 4 * m) as satisfied_respondents, sum(s::numeric / m) as mean_sum,
			    sum(s::numeric * s / (m * m)) as mean_squares
			from (
			    select x.unit_id, x.response_id, k.measure, count(*) as m,
			        count(*) filter (where x.value in ('4', '5')) as a, sum(x.value::int) as s
			    from answer x
			    join campaign c on c.id = x.campaign_id
			    join template_measure_item k on k.template_id = c.template_id and k.item = x.item
			    where x.campaign_id = :campaign and x.position = 0 and x.value <> 'na'
			    group by x.unit_id, x.response_id, k.measure
			) per_respondent
			group by unit_id, measure
			""";

	private static final List<String> MEASURE_COLUMNS = List.of("respondents", "answers", "satisfied",
			"satisfied_squares", "answers_squares", "cross_products", "satisfied_respondents", "mean_sum",
			"mean_squares");

	private final DatabaseClient database;

	AggregateRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Lists every campaign that has left its draft, for a check of all.
	 */
	Flux<Long> campaigns() {
		return this.database.sql("select id from campaign where state <> 'draft' order by id")
			.map((row) -> row.get("id", Long.class))
			.all();
	}

	/**
	 * Raises {@code work_mem} for the rest of the transaction, so that the grouping by
	 * respondent runs in memory.
	 */
	Mono<Void> workMemory(String size) {
		return this.database.sql("set local work_mem = '" + size + "'").then();
	}

	/**
	 * Holds back the intake until the transaction ends: every intake statement updates
	 * {@code unit_measure_total}, so it waits before it writes anything, and statements
	 * already running finish (and commit) before this returns.
	 */
	Mono<Void> holdIntake() {
		return this.database.sql("lock table unit_measure_total in share row exclusive mode").then();
	}

	/**
	 * The kept aggregates of a campaign that differ from a recomputation, a missing row
	 * on either side included.
	 * @return one row per differing key, by kind, unit and key
	 */
	Flux<AggregateCheck.Difference> differences(long campaign) {
		var responses = compare(campaign, "responses", """
				select unit_id, sum(responses) as responses from unit_response_count where campaign_id = :campaign
				group by unit_id
				""", FRESH_RESPONSES, List.of(), List.of("responses"));
		var values = compare(campaign, "values", """
				select unit_id, item, value, sum(answers) as answers, sum(respondents) as respondents
				from unit_value_count where campaign_id = :campaign group by unit_id, item, value
				""", FRESH_VALUES, List.of("item", "value"), List.of("answers", "respondents"));
		var measures = compare(campaign, "measures", """
				select unit_id, measure, sum(respondents) as respondents, sum(answers) as answers,
				    sum(satisfied) as satisfied, sum(satisfied_squares) as satisfied_squares,
				    sum(answers_squares) as answers_squares, sum(cross_products) as cross_products,
				    sum(satisfied_respondents) as satisfied_respondents, sum(mean_sum) as mean_sum,
				    sum(mean_squares) as mean_squares
				from unit_measure_total where campaign_id = :campaign group by unit_id, measure
				""", FRESH_MEASURES, List.of("measure"), MEASURE_COLUMNS);
		var sections = compare(campaign, "sections", SectionTotals.STORED, SectionTotals.FRESH, SectionTotals.KEYS,
				SectionTotals.COLUMNS);
		var aspects = compare(campaign, "aspects", AspectTotals.STORED, AspectTotals.FRESH, AspectTotals.KEYS,
				AspectTotals.COLUMNS);
		return responses.concatWith(values).concatWith(measures).concatWith(sections).concatWith(aspects);
	}

	private Flux<AggregateCheck.Difference> compare(long campaign, String kind, String stored, String fresh,
			List<String> keys, List<String> columns) {
		var join = new StringBuilder("s.unit_id = f.unit_id");
		var select = new StringBuilder("coalesce(s.unit_id, f.unit_id) as unit_id");
		for (String key : keys) {
			join.append(" and s.").append(key).append(" = f.").append(key);
			select.append(", coalesce(s.").append(key).append(", f.").append(key).append(") as ").append(key);
		}
		var left = new StringBuilder();
		var right = new StringBuilder();
		for (String column : columns) {
			select.append(", s.").append(column).append("::text as s_").append(column);
			select.append(", f.").append(column).append("::text as f_").append(column);
			left.append((left.length() > 0) ? ", " : "").append("s.").append(column);
			right.append((right.length() > 0) ? ", " : "").append("f.").append(column);
		}
		String sql = "select u.code as unit, d.* from (select " + select + " from (" + stored + ") s full join ("
				+ fresh + ") f on " + join + " where row(" + left + ") is distinct from row(" + right
				+ ")) d join unit u on u.id = d.unit_id order by u.code" + (keys.isEmpty() ? "" : ", d." + keys.get(0))
				+ ((keys.size() > 1) ? ", d." + keys.get(1) : "");
		return this.database.sql(sql).bind("campaign", campaign).map((row) -> {
			var key = new StringBuilder();
			for (String name : keys) {
				key.append((key.length() > 0) ? "=" : "").append(row.get(name, String.class));
			}
			var kept = new LinkedHashMap<String, String>();
			var recomputed = new LinkedHashMap<String, String>();
			for (String column : columns) {
				kept.put(column, row.get("s_" + column, String.class));
				recomputed.put(column, row.get("f_" + column, String.class));
			}
			return new AggregateCheck.Difference(kind, row.get("unit", String.class), key.toString(), kept, recomputed);
		}).all();
	}

	/**
	 * Replaces a campaign's aggregates by a recomputation, all in slot 0.
	 */
	Mono<Void> replace(long campaign) {
		return Flux.concat(
				this.database.sql("delete from unit_response_count where campaign_id = :campaign")
					.bind("campaign", campaign)
					.then(),
				this.database.sql("delete from unit_value_count where campaign_id = :campaign")
					.bind("campaign", campaign)
					.then(),
				this.database.sql("delete from unit_measure_total where campaign_id = :campaign")
					.bind("campaign", campaign)
					.then(),
				this.database.sql("delete from unit_section_total where campaign_id = :campaign")
					.bind("campaign", campaign)
					.then(),
				this.database.sql("delete from unit_aspect_total where campaign_id = :campaign")
					.bind("campaign", campaign)
					.then(),
				this.database
					.sql("insert into unit_response_count (campaign_id, unit_id, slot, responses) "
							+ "select :campaign, unit_id, 0, responses from (" + FRESH_RESPONSES + ") f")
					.bind("campaign", campaign)
					.then(),
				this.database
					.sql("insert into unit_value_count (campaign_id, unit_id, item, value, slot, answers, respondents) "
							+ "select :campaign, unit_id, item, value, 0, answers, respondents from (" + FRESH_VALUES
							+ ") f")
					.bind("campaign", campaign)
					.then(),
				this.database
					.sql("insert into unit_measure_total (campaign_id, unit_id, measure, slot, "
							+ String.join(", ", MEASURE_COLUMNS) + ") select :campaign, unit_id, measure, 0, "
							+ String.join(", ", MEASURE_COLUMNS) + " from (" + FRESH_MEASURES + ") f")
					.bind("campaign", campaign)
					.then(),
				this.database.sql("insert into unit_section_total (campaign_id, unit_id, section, item, slot, "
						+ String.join(", ", SectionTotals.COLUMNS) + ") select :campaign, unit_id, section, item, 0, "
						+ String.join(", ", SectionTotals.COLUMNS) + " from (" + SectionTotals.FRESH + ") f")
					.bind("campaign", campaign)
					.then(),
				this.database
					.sql("insert into unit_aspect_total (campaign_id, unit_id, section, slot, "
							+ String.join(", ", AspectTotals.COLUMNS) + ") select :campaign, unit_id, section, 0, "
							+ String.join(", ", AspectTotals.COLUMNS) + " from (" + AspectTotals.FRESH + ") f")
					.bind("campaign", campaign)
					.then())
			.then();
	}

	/**
	 * Counts a campaign's stored responses.
	 */
	Mono<Long> responses(long campaign) {
		return this.database.sql("select count(*) as n from response where campaign_id = :campaign")
			.bind("campaign", campaign)
			.map((row) -> row.get("n", Long.class))
			.one();
	}

}
