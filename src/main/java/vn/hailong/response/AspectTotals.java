package vn.hailong.response;

import java.util.List;

/**
 * The SQL of the per-aspect sums that the explorer's importance–performance view reads
 * ({@code unit_aspect_total}, see {@code V16__aspect_totals.sql}): kept by the intake
 * statement beside {@link AggregateWriter}'s sums, recomputed and compared by
 * {@link AggregateRepository}. An aspect is a section with 5-point items; a respondent's
 * aspect mean x is the mean of their answers to its 5-point items other than the
 * template's overall item, y their answer to the overall item.
 */
final class AspectTotals {

	/*
	 * Appended to the intake statement after AggregateWriter.UPDATES, whose CTEs it
	 * reads: r, x, slot and per_respondent (each respondent's count m and sum s of
	 * answers per measure, "không áp dụng" left out). A section that holds the overall
	 * item has that answer taken back out of m and s, so x never contains y. Campaigns
	 * whose template marks no overall item add nothing.
	 */
	static final String UPDATES = """
			, overall_item as materialized (
			    select c.id as campaign_id, o.section, o.item
			    from campaign c
			    join template_overall_item o on o.template_id = c.template_id
			    where c.id in (select campaign_id from r)
			), overall_answer as materialized (
			    select x.response_id, o.section, cast(x.value as int) as y
			    from x
			    join r on r.id = x.response_id
			    join overall_item o on o.campaign_id = r.campaign_id and o.item = x.item
			    where x.position = 0 and x.value <> 'na'
			), aspect_respondent as (
			    select p.campaign_id, p.unit_id, substr(p.measure, 9) as section,
			        p.m - (case when y.section = substr(p.measure, 9) then 1 else 0 end) as m,
			        p.s - (case when y.section = substr(p.measure, 9) then y.y else 0 end) as s, y.y
			    from per_respondent p
			    join overall_item o on o.campaign_id = p.campaign_id
			    left join overall_answer y on y.response_id = p.id
			    where p.measure like 'section:%'
			), aspected as (
			    insert into unit_aspect_total as t (campaign_id, unit_id, section, slot, respondents, mean_sum,
			        mean_squares, pairs, pair_mean_sum, pair_mean_squares, overall_sum, overall_squares, cross_products)
			    select p.campaign_id, p.unit_id, p.section, slot.n, count(*), sum(p.s::numeric / p.m),
			        sum(p.s::numeric * p.s / (p.m * p.m)), count(p.y),
			        coalesce(sum(p.s::numeric / p.m) filter (where p.y is not null), 0),
			        coalesce(sum(p.s::numeric * p.s / (p.m * p.m)) filter (where p.y is not null), 0),
			        coalesce(sum(p.y), 0), coalesce(sum(p.y * p.y), 0), coalesce(sum(p.s::numeric * p.y / p.m), 0)
			    from aspect_respondent p cross join slot
			    where p.m > 0
			    group by p.campaign_id, p.unit_id, p.section, slot.n
			    order by p.campaign_id, p.unit_id, p.section
			    on conflict (campaign_id, unit_id, section, slot) do update
			        set respondents = t.respondents + excluded.respondents, mean_sum = t.mean_sum + excluded.mean_sum,
			            mean_squares = t.mean_squares + excluded.mean_squares, pairs = t.pairs + excluded.pairs,
			            pair_mean_sum = t.pair_mean_sum + excluded.pair_mean_sum,
			            pair_mean_squares = t.pair_mean_squares + excluded.pair_mean_squares,
			            overall_sum = t.overall_sum + excluded.overall_sum,
			            overall_squares = t.overall_squares + excluded.overall_squares,
			            cross_products = t.cross_products + excluded.cross_products
			)
			""";

	/**
	 * The sums of one campaign ({@code :campaign}) recomputed from its stored answers,
	 * with the expressions of {@code V16__aspect_totals.sql}.
	 */
	static final String FRESH = """
			with per_respondent as materialized (
			    select x.unit_id, x.response_id, substr(k.measure, 9) as section, count(*) as m, sum(x.value::int) as s
			    from answer x
			    join campaign c on c.id = x.campaign_id
			    join template_measure_item k on k.template_id = c.template_id and k.item = x.item
			        and k.measure like 'section:%'
			    join template_overall_item o on o.template_id = c.template_id and o.item <> x.item
			    where x.campaign_id = :campaign and x.position = 0 and x.value <> 'na'
			    group by x.unit_id, x.response_id, k.measure
			), overall_answer as materialized (
			    select x.response_id, x.value::int as y
			    from answer x
			    join campaign c on c.id = x.campaign_id
			    join template_overall_item o on o.template_id = c.template_id and o.item = x.item
			    where x.campaign_id = :campaign and x.position = 0 and x.value <> 'na'
			)
			select p.unit_id, p.section, count(*) as respondents, sum(p.s::numeric / p.m) as mean_sum,
			    sum(p.s::numeric * p.s / (p.m * p.m)) as mean_squares, count(y.y) as pairs,
			    coalesce(sum(p.s::numeric / p.m) filter (where y.y is not null), 0) as pair_mean_sum,
			    coalesce(sum(p.s::numeric * p.s / (p.m * p.m)) filter (where y.y is not null), 0) as pair_mean_squares,
			    coalesce(sum(y.y), 0)::numeric as overall_sum, coalesce(sum(y.y * y.y), 0)::numeric as overall_squares,
			    coalesce(sum(p.s::numeric * y.y / p.m), 0) as cross_products
			from per_respondent p
			left join overall_answer y on y.response_id = p.response_id
			group by p.unit_id, p.section
			""";

	/** The kept sums of one campaign ({@code :campaign}), slots added up. */
	static final String STORED = """
			select unit_id, section, sum(respondents) as respondents, sum(mean_sum) as mean_sum,
			    sum(mean_squares) as mean_squares, sum(pairs) as pairs, sum(pair_mean_sum) as pair_mean_sum,
			    sum(pair_mean_squares) as pair_mean_squares, sum(overall_sum) as overall_sum,
			    sum(overall_squares) as overall_squares, sum(cross_products) as cross_products
			from unit_aspect_total where campaign_id = :campaign group by unit_id, section
			""";

	static final List<String> KEYS = List.of("section");

	static final List<String> COLUMNS = List.of("respondents", "mean_sum", "mean_squares", "pairs", "pair_mean_sum",
			"pair_mean_squares", "overall_sum", "overall_squares", "cross_products");

	private AspectTotals() {
	}

}
