package vn.hailong.explorer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

import vn.hailong.statistics.Correlations.PairSums;
import vn.hailong.statistics.Moments;
import vn.hailong.system.ReadDatabase;

/**
 * Reads what the groups and importance–performance views need: answer counts by group in
 * one pass over the answers, and per-aspect sums from {@code unit_aspect_total} or, for a
 * window of submission days, from the answers.
 */
@Repository
class AnswerReads {

	/*
	 * One pass over the answers of the two items (a bitmap scan of answer_count_idx on
	 * campaign, unit, item, which reads the table's pages once, in order), gathered per
	 * response: its answer to the grouping item and to the item counted. A self-join on
	 * response_id would look up the primary key once per answer: 4.0 times the plain
	 * count scan on 1M responses, against 1.0 for this (README, "Groups").
	 */
	private static final String BY_ITEM = """
			select t.value, t.grp, count(*) as answers, count(*) as respondents
			from (
			    select a.response_id, max(a.value) filter (where a.item = :by and a.position = 0) as grp,
			        max(a.value) filter (where a.item = :item and a.position = 0) as value
			    from answer a %s
			    where a.campaign_id = any(:campaigns) and a.unit_id = any(:units) and a.item in (:item, :by) %s
			    group by a.response_id
			) t
			where t.value is not null
			group by t.value, t.grp
			""";

	/*
	 * The same for a multiple-choice item: the options each response chose, in order, so
	 * that the first counts the respondent.
	 */
	private static final String BY_ITEM_MULTIPLE = """
			select v.value, t.grp, count(*) as answers, count(*) filter (where v.n = 1) as respondents
			from (
			    select a.response_id, max(a.value) filter (where a.item = :by and a.position = 0) as grp,
			        array_agg(a.value order by a.position) filter (where a.item = :item) as vals
			    from answer a %s
			    where a.campaign_id = any(:campaigns) and a.unit_id = any(:units) and a.item in (:item, :by) %s
			    group by a.response_id
			) t
			cross join lateral unnest(t.vals) with ordinality v (value, n)
			group by v.value, t.grp
			""";

	private static final String BY_WEEK = """
			select a.value, to_char(r.received_at at time zone 'Asia/Ho_Chi_Minh', 'IYYY-"W"IW') as grp,
			    count(*) as answers, count(*) filter (where a.position = 0) as respondents
			from answer a
			join response r on r.id = a.response_id
			where a.campaign_id = any(:campaigns) and a.unit_id = any(:units) and a.item = :item %s
			group by a.value, grp
			""";

	private static final String KEPT_ASPECTS = """
			select section, sum(respondents) as respondents, sum(mean_sum) as mean_sum,
			    sum(mean_squares) as mean_squares, sum(pairs) as pairs, sum(pair_mean_sum) as pair_mean_sum,
			    sum(pair_mean_squares) as pair_mean_squares, sum(overall_sum) as overall_sum,
			    sum(overall_squares) as overall_squares, sum(cross_products) as cross_products
			from unit_aspect_total
			where campaign_id = any(:campaigns) and unit_id = any(:units)
			group by section
			""";

	/*
	 * The same sums as response/AspectTotals.FRESH (and so as the intake), over the
	 * responses received in the window.
	 */
	private static final String WINDOWED_ASPECTS = """
			with chosen as (
			    select r.id from response r
			    where r.campaign_id = any(:campaigns) and r.unit_id = any(:units) %s
			), per_respondent as materialized (
			    select x.response_id, substr(k.measure, 9) as section, count(*) as m, sum(x.value::int) as s
			    from answer x
			    join chosen on chosen.id = x.response_id
			    join campaign c on c.id = x.campaign_id
			    join template_measure_item k on k.template_id = c.template_id and k.item = x.item
			        and k.measure like 'section:%%'
			    join template_overall_item o on o.template_id = c.template_id and o.item <> x.item
			    where x.position = 0 and x.value <> 'na'
			    group by x.response_id, k.measure
			), overall_answer as materialized (
			    select x.response_id, x.value::int as y
			    from answer x
			    join chosen on chosen.id = x.response_id
			    join campaign c on c.id = x.campaign_id
			    join template_overall_item o on o.template_id = c.template_id and o.item = x.item
			    where x.position = 0 and x.value <> 'na'
			)
			select p.section, count(*) as respondents, sum(p.s::numeric / p.m) as mean_sum,
			    sum(p.s::numeric * p.s / (p.m * p.m)) as mean_squares, count(y.y) as pairs,
			    coalesce(sum(p.s::numeric / p.m) filter (where y.y is not null), 0) as pair_mean_sum,
			    coalesce(sum(p.s::numeric * p.s / (p.m * p.m)) filter (where y.y is not null), 0) as pair_mean_squares,
			    coalesce(sum(y.y), 0)::numeric as overall_sum, coalesce(sum(y.y * y.y), 0)::numeric as overall_squares,
			    coalesce(sum(p.s::numeric * y.y / p.m), 0) as cross_products
			from per_respondent p
			left join overall_answer y on y.response_id = p.response_id
			group by p.section
			""";

	/** Room for the grouping of 1M responses' answers in memory rather than on disk. */
	private static final String WORK_MEMORY = "set local work_mem = '256MB'";

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	AnswerReads(ReadDatabase reads) {
		this.database = reads.client();
		this.transaction = reads.transaction();
	}

	/**
	 * Counts an item's answers by the answer to another item, or by ISO week of
	 * submission in Vietnam's time ({@code by} null).
	 * @param selection what is read
	 * @param item the item counted
	 * @param multiple whether it is a multiple-choice item (several values per response)
	 * @param by the single-choice or yes/no item that groups, or null for weeks
	 * @return one row per answer value and group (group null for respondents who did not
	 * answer {@code by})
	 */
	Flux<Cell> crossCounts(Selection selection, String item, boolean multiple, @Nullable String by) {
		if (selection.units().isEmpty()) {
			return Flux.empty();
		}
		String window = window(selection, "r");
		String sql = (by != null)
				? (multiple ? BY_ITEM_MULTIPLE : BY_ITEM)
					.formatted(selection.windowed() ? "join response r on r.id = a.response_id" : "", window)
				: BY_WEEK.formatted(window);
		var spec = this.database.sql(sql)
			.bind("campaigns", selection.campaignIds())
			.bind("units", selection.unitIds())
			.bind("item", item);
		if (by != null) {
			spec = spec.bind("by", by);
		}
		spec = bindWindow(spec, selection);
		var cells = spec
			.map((row) -> new Cell(row.get("value", String.class), row.get("grp", String.class),
					row.get("answers", Long.class), row.get("respondents", Long.class)))
			.all();
		return this.database.sql(WORK_MEMORY).then().thenMany(cells).as(this.transaction::transactional);
	}

	/**
	 * The per-aspect sums over the selection: from the aggregates kept at intake, or from
	 * the answers when the selection has a window of submission times.
	 * @param selection what is read
	 * @return one row per aspect with respondents
	 */
	Flux<AspectSums> aspectSums(Selection selection) {
		String sql = selection.windowed() ? WINDOWED_ASPECTS.formatted(window(selection, "r")) : KEPT_ASPECTS;
		if (selection.units().isEmpty()) {
			return Flux.empty();
		}
		var spec = this.database.sql(sql).bind("campaigns", selection.campaignIds()).bind("units", selection.unitIds());
		spec = bindWindow(spec, selection);
		return spec.map((row) -> {
			long respondents = number(row.get("respondents")).longValue();
			long pairs = number(row.get("pairs")).longValue();
			return new AspectSums(row.get("section", String.class),
					new Moments(respondents, number(row.get("mean_sum")).doubleValue(),
							number(row.get("mean_squares")).doubleValue()),
					new PairSums(pairs, number(row.get("pair_mean_sum")).doubleValue(),
							number(row.get("pair_mean_squares")).doubleValue(),
							number(row.get("overall_sum")).doubleValue(),
							number(row.get("overall_squares")).doubleValue(),
							number(row.get("cross_products")).doubleValue()));
		}).all();
	}

	private static String window(Selection selection, String alias) {
		var where = new StringBuilder();
		if (selection.from() != null) {
			where.append(" and ").append(alias).append(".received_at >= :since");
		}
		if (selection.until() != null) {
			where.append(" and ").append(alias).append(".received_at < :until");
		}
		return where.toString();
	}

	private static DatabaseClient.GenericExecuteSpec bindWindow(DatabaseClient.GenericExecuteSpec spec,
			Selection selection) {
		if (selection.from() != null) {
			spec = spec.bind("since", at(selection.from()));
		}
		if (selection.until() != null) {
			spec = spec.bind("until", at(selection.until()));
		}
		return spec;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Number number(@Nullable Object value) {
		if (value == null) {
			return BigDecimal.ZERO;
		}
		return (Number) value;
	}

	/**
	 * Answers with one value in one group.
	 *
	 * @param value the answer value (scale point, option code, {@code yes}/{@code no},
	 * {@code na})
	 * @param group the group (an option code of the grouping item, or an ISO week such as
	 * {@code 2026-W48}), or null for respondents who did not answer the grouping item
	 * @param answers the answers
	 * @param respondents the respondents among them (the first value each chose)
	 */
	record Cell(String value, @Nullable String group, long answers, long respondents) {
	}

	/**
	 * The sums of one aspect over a selection.
	 *
	 * @param section the section's code
	 * @param means the respondents' aspect means: count, Σx, Σx²
	 * @param pairs the respondents with both an aspect mean x and an overall answer y
	 */
	record AspectSums(String section, Moments means, PairSums pairs) {
	}

}
