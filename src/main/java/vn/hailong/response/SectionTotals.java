package vn.hailong.response;

import java.util.List;

/**
 * The SQL of the per-section sums of complete cases that Cronbach's alpha per aspect
 * needs ({@code unit_section_total}, see {@code V11__section_totals.sql}): kept by the
 * intake statement beside {@link AggregateWriter}'s sums, recomputed and compared by
 * {@link AggregateRepository}, always with the same expressions.
 */
final class SectionTotals {

	/*
	 * Appended to the intake statement after AggregateWriter.UPDATES, whose CTEs it
	 * reads: r (the responses inserted), x (the batch's answers) and slot. A respondent
	 * counts in a section when they answered every 5-point item of it.
	 */
	static final String UPDATES = """
			, section_size as (
			    select k.template_id, k.measure, count(*) as items
			    from (select distinct c.template_id from r join campaign c on c.id = r.campaign_id) b
			    join template_measure_item k on k.template_id = b.template_id
			    where k.measure like 'section:%'
			    group by k.template_id, k.measure
			), section_answer as (
			    select r.campaign_id, r.unit_id, r.id as response_id, substr(z.measure, 9) as section, z.items, x.item,
			        cast(x.value as int) as v, count(*) over (partition by r.id, z.measure) as answered
			    from x
			    join r on r.id = x.response_id
			    join campaign c on c.id = r.campaign_id
			    join template_measure_item k on k.template_id = c.template_id and k.item = x.item
			        and k.measure like 'section:%'
			    join section_size z on z.template_id = c.template_id and z.measure = k.measure
			    where x.position = 0 and x.value <> 'na' and z.items >= 2
			), section_complete as (
			    select campaign_id, unit_id, section, item, cast(v as bigint) as v from section_answer
			    where answered = items
			    union all
			    select campaign_id, unit_id, section, '', sum(v) from section_answer where answered = items
			    group by campaign_id, unit_id, response_id, section
			), sectioned as (
			    insert into unit_section_total as t (campaign_id, unit_id, section, item, slot, respondents, value_sum,
			        value_squares)
			    select p.campaign_id, p.unit_id, p.section, p.item, slot.n, count(*), sum(p.v), sum(p.v * p.v)
			    from section_complete p cross join slot
			    group by p.campaign_id, p.unit_id, p.section, p.item, slot.n
			    order by p.campaign_id, p.unit_id, p.section, p.item
			    on conflict (campaign_id, unit_id, section, item, slot) do update
			        set respondents = t.respondents + excluded.respondents, value_sum = t.value_sum + excluded.value_sum,
			            value_squares = t.value_squares + excluded.value_squares
			)
			""";

	/**
	 * The sums of one campaign ({@code :campaign}) recomputed from its stored answers.
	 */
	static final String FRESH = """
			with section_answer as (
			    select x.unit_id, x.response_id, z.section, z.items, x.item, cast(x.value as int) as v,
			        count(*) over (partition by x.response_id, z.section) as answered
			    from answer x
			    join campaign c on c.id = x.campaign_id
			    join template_measure_item k on k.template_id = c.template_id and k.item = x.item
			        and k.measure like 'section:%'
			    join template_section_size z on z.template_id = c.template_id and 'section:' || z.section = k.measure
			    where x.campaign_id = :campaign and x.position = 0 and x.value <> 'na' and z.items >= 2
			), section_complete as (
			    select unit_id, section, item, cast(v as bigint) as v from section_answer where answered = items
			    union all
			    select unit_id, section, '', sum(v) from section_answer where answered = items
			    group by unit_id, response_id, section
			)
			select unit_id, section, item, count(*) as respondents, sum(v) as value_sum, sum(v * v) as value_squares
			from section_complete
			group by unit_id, section, item
			""";

	/** The kept sums of one campaign ({@code :campaign}), slots added up. */
	static final String STORED = """
			select unit_id, section, item, sum(respondents) as respondents, sum(value_sum) as value_sum,
			    sum(value_squares) as value_squares
			from unit_section_total where campaign_id = :campaign group by unit_id, section, item
			""";

	static final List<String> KEYS = List.of("section", "item");

	static final List<String> COLUMNS = List.of("respondents", "value_sum", "value_squares");

	private SectionTotals() {
	}

}
