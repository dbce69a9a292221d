package vn.hailong.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

import vn.hailong.system.ReadDatabase;

/**
 * Reads the sufficient statistics a report needs, aggregated in PostgreSQL: one row per
 * unit, never one per response; from the read replica when there is one.
 */
@Repository
class ReportRepository {

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	private final String workMemory;

	ReportRepository(ReadDatabase reads, ReportProperties properties) {
		this.database = reads.client();
		this.transaction = reads.transaction();
		this.workMemory = properties.workMemory();
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
	 * Counts per unit for some campaigns and several sets of items (one per indicator),
	 * in one pass over the answers: per respondent, for each set, m answers to its items,
	 * a of them 4 or 5 and s their sum; then per unit the sums that the ratio, proportion
	 * and mean estimators need. Only 5-point items are covered, so every value is '1' to
	 * '5'. The grouping by respondent runs with {@code work_mem} raised for this
	 * transaction, so that a million respondents group in memory.
	 * @param campaigns the campaigns, not empty
	 * @param itemSets the item sets, none empty
	 * @return per item set, unit id → counts
	 */
	Mono<List<Map<Long, SurveyCounts>>> surveyCounts(List<Long> campaigns, List<List<String>> itemSets) {
		var inner = new StringBuilder("select unit_id, response_id");
		var outer = new StringBuilder("select unit_id");
		var all = new java.util.LinkedHashSet<String>();
		for (int i = 0; i < itemSets.size(); i++) {
			all.addAll(itemSets.get(i));
			String in = "item = any(:items" + i + ")";
			inner.append(String.format(java.util.Locale.ROOT,
					", count(*) filter (where %1$s) as m%2$d, count(*) filter (where %1$s and value in ('4', '5')) as a%2$d,"
							+ " coalesce(sum(value::int) filter (where %1$s), 0) as s%2$d",
					in, i));
			outer.append(String.format(java.util.Locale.ROOT,
					", count(*) filter (where m%1$d > 0) as respondents%1$d, sum(m%1$d) as answers%1$d,"
							+ " sum(a%1$d) as satisfied%1$d, sum(a%1$d * a%1$d) as aa%1$d, sum(m%1$d * m%1$d) as mm%1$d,"
							+ " sum(a%1$d * m%1$d) as am%1$d,"
							+ " count(*) filter (where m%1$d > 0 and s%1$d >= 4 * m%1$d) as satisfied_respondents%1$d,"
							+ " sum(s%1$d::float8 / m%1$d) filter (where m%1$d > 0) as mean_sum%1$d,"
							+ " sum((s%1$d::float8 / m%1$d) ^ 2) filter (where m%1$d > 0) as mean_squares%1$d",
					i));
		}
		inner.append(" from answer where campaign_id = any(:campaigns) and item = any(:all) and position = 0 "
				+ "group by unit_id, response_id");
		String sql = outer + " from (" + inner + ") per_respondent group by unit_id";
		var spec = this.database.sql(sql)
			.bind("campaigns", campaigns.toArray(Long[]::new))
			.bind("all", all.toArray(String[]::new));
		for (int i = 0; i < itemSets.size(); i++) {
			spec = spec.bind("items" + i, itemSets.get(i).toArray(String[]::new));
		}
		var rows = spec.map((row) -> {
			var counts = new ArrayList<SurveyCounts>();
			for (int i = 0; i < itemSets.size(); i++) {
				counts.add(counts(row, Integer.toString(i)));
			}
			return Map.entry(row.get("unit_id", Long.class), counts);
		}).all();
		return this.database.sql("set local work_mem = '" + this.workMemory + "'")
			.then()
			.thenMany(rows)
			.collectList()
			.as(this.transaction::transactional)
			.map((entries) -> {
				var result = new ArrayList<Map<Long, SurveyCounts>>();
				for (int i = 0; i < itemSets.size(); i++) {
					var perUnit = new HashMap<Long, SurveyCounts>();
					for (var entry : entries) {
						SurveyCounts counts = entry.getValue().get(i);
						if (counts.respondents() > 0) {
							perUnit.put(entry.getKey(), counts);
						}
					}
					result.add(perUnit);
				}
				return result;
			});
	}

	/**
	 * Sums of the current reported figures per indicator and unit, for some periods.
	 * @return indicator id → unit id → {numerator, denominator}
	 */
	Mono<Map<Long, Map<Long, long[]>>> reportedSums(List<Long> indicators, List<String> periods) {
		if (indicators.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database
			.sql("select indicator_id, unit_id, sum(numerator) as numerator, sum(denominator) as denominator "
					+ "from reported_figure where indicator_id = any(:indicators) and superseded_at is null "
					+ "and period = any(:periods) group by indicator_id, unit_id")
			.bind("indicators", indicators.toArray(Long[]::new))
			.bind("periods", periods.toArray(String[]::new))
			.map((row) -> new long[] { row.get("indicator_id", Long.class), row.get("unit_id", Long.class),
					number(row, "numerator"), number(row, "denominator") })
			.all()
			.collectList()
			.map((rows) -> {
				var result = new HashMap<Long, Map<Long, long[]>>();
				for (long[] row : rows) {
					result.computeIfAbsent(row[0], (key) -> new HashMap<>()).put(row[1], new long[] { row[2], row[3] });
				}
				return result;
			});
	}

	private static SurveyCounts counts(Readable row, String suffix) {
		return new SurveyCounts(number(row, "respondents" + suffix), number(row, "answers" + suffix),
				number(row, "satisfied" + suffix), decimal(row, "aa" + suffix), decimal(row, "mm" + suffix),
				decimal(row, "am" + suffix), number(row, "satisfied_respondents" + suffix),
				decimal(row, "mean_sum" + suffix), decimal(row, "mean_squares" + suffix));
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
