package vn.hailong.report;

import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the sufficient statistics a report needs, aggregated in PostgreSQL: one row per
 * unit, never one per response.
 */
@Repository
class ReportRepository {

	/*
	 * Per respondent: m answers to covered items, a of them 4 or 5, s their sum; then per
	 * unit the sums that the ratio, proportion and mean estimators need. Only 5-point
	 * items are covered, so every value is '1' to '5'.
	 */
	private static final String SURVEY_COUNTS = """
			select unit_id,
			    count(*) as respondents,
			    sum(m) as answers,
			    sum(a) as satisfied,
			    sum(a * a) as aa,
			    sum(m * m) as mm,
			    sum(a * m) as am,
			    count(*) filter (where s >= 4 * m) as satisfied_respondents,
			    sum(s::float8 / m) as mean_sum,
			    sum((s::float8 / m) ^ 2) as mean_squares
			from (
			    select unit_id, response_id, count(*) as m,
			        count(*) filter (where value in ('4', '5')) as a,
			        sum(value::int) as s
			    from answer
			    where campaign_id = any(:campaigns) and item = any(:items) and position = 0
			    group by unit_id, response_id
			) per_respondent
			group by unit_id
			""";

	private final DatabaseClient database;

	ReportRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The campaigns that have started (open or closed) for the given templates.
	 */
	Flux<CampaignRef> campaigns(List<String> templates) {
		return this.database.sql(
				"select c.id, t.code, t.version, c.period from campaign c join survey_template t on t.id = c.template_id "
						+ "where c.state <> 'draft' and t.code = any(:templates)")
			.bind("templates", templates.toArray(String[]::new))
			.map((row) -> new CampaignRef(row.get("id", Long.class), row.get("code", String.class),
					row.get("version", Integer.class), row.get("period", String.class)))
			.all();
	}

	/**
	 * The units that some campaigns survey.
	 * @return unit ids
	 */
	Mono<java.util.Set<Long>> surveyedUnits(List<Long> campaigns) {
		if (campaigns.isEmpty()) {
			return Mono.just(java.util.Set.of());
		}
		return this.database.sql("select distinct unit_id from campaign_unit where campaign_id = any(:campaigns)")
			.bind("campaigns", campaigns.toArray(Long[]::new))
			.map((row) -> row.get("unit_id", Long.class))
			.all()
			.collect(java.util.stream.Collectors.toSet());
	}

	/**
	 * Counts per unit for some campaigns and items.
	 * @return unit id → counts
	 */
	Mono<Map<Long, SurveyCounts>> surveyCounts(List<Long> campaigns, List<String> items) {
		if (campaigns.isEmpty() || items.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql(SURVEY_COUNTS)
			.bind("campaigns", campaigns.toArray(Long[]::new))
			.bind("items", items.toArray(String[]::new))
			.map((row) -> Map.entry(row.get("unit_id", Long.class), counts(row)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * Sums of the current reported figures per unit, for some periods.
	 * @return unit id → {numerator, denominator}
	 */
	Mono<Map<Long, long[]>> reportedSums(long indicator, List<String> periods) {
		return this.database
			.sql("select unit_id, sum(numerator) as numerator, sum(denominator) as denominator from reported_figure "
					+ "where indicator_id = :indicator and superseded_at is null and period = any(:periods) group by unit_id")
			.bind("indicator", indicator)
			.bind("periods", periods.toArray(String[]::new))
			.map((row) -> Map.entry(row.get("unit_id", Long.class),
					new long[] { number(row, "numerator"), number(row, "denominator") }))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static SurveyCounts counts(Readable row) {
		return new SurveyCounts(number(row, "respondents"), number(row, "answers"), number(row, "satisfied"),
				decimal(row, "aa"), decimal(row, "mm"), decimal(row, "am"), number(row, "satisfied_respondents"),
				decimal(row, "mean_sum"), decimal(row, "mean_squares"));
	}

	private static long number(Readable row, String column) {
		Number value = row.get(column, Number.class);
		return (value != null) ? value.longValue() : 0;
	}

	private static double decimal(Readable row, String column) {
		Number value = row.get(column, Number.class);
		return (value != null) ? value.doubleValue() : 0;
	}

	record CampaignRef(long id, String template, int version, String period) {
	}

}
