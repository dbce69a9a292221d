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

import vn.hailong.statistics.CriteriaMoments;
import vn.hailong.system.ReadDatabase;

/**
 * Reads the sufficient statistics a report needs, aggregated in PostgreSQL: one row per
 * unit, never one per response; from the read replica when there is one.
 */
@Repository
class ReportRepository {

	/** The prefix of a single item's measure. */
	static final String ITEM = "item:";

	private final DatabaseClient database;

	ReportRepository(ReadDatabase reads) {
		this.database = reads.client();
	}

	/**
	 * The campaigns that have started (open or closed) for the given templates.
	 */
	Flux<CampaignRef> campaigns(List<String> templates) {
		return this.database
			.sql("select c.id, coalesce(b.code, t.code) as code, coalesce(b.version, t.version) as version, c.period "
					+ "from campaign c join survey_template t on t.id = c.template_id "
					+ "left join survey_template b on b.id = t.based_on_id "
					+ "where c.state <> 'draft' and coalesce(b.code, t.code) = any(:templates)")
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
	 * Sufficient statistics per unit for some campaigns and several measures (one per
	 * indicator), read from the aggregates the intake keeps, their slots added up: per
	 * respondent r who answered at least one of the measure's 5-point items, m_r answers,
	 * a_r of them 4 or 5 and s_r their sum; then per unit the sums that the ratio,
	 * proportion and mean estimators need. A section or all items come from
	 * {@code unit_measure_total}; a single item from its counts per value in
	 * {@code unit_value_count}, where m_r = 1 and s_r is the value, so the respondents
	 * and answers are the count, a_r, a_r² and a_r·m_r the count of 4 and 5, and the
	 * respondent's mean and its square the value and its square. The cost grows with
	 * units × measures, not with responses; the answers are not read. The "không áp dụng"
	 * answers to the measure's items are counted beside them, from
	 * {@code unit_value_count}.
	 * @param campaigns the campaigns, not empty
	 * @param measures the measures: {@code item:<code>}, {@code section:<code>} or
	 * {@code all}
	 * @param itemCampaigns per {@code item:<code>} measure, the campaigns among
	 * {@code campaigns} whose template version has it as a 5-point item (the others are
	 * not read for it)
	 * @return per measure, unit id → counts (units without respondents left out)
	 */
	Mono<List<Map<Long, SurveyCounts>>> surveyCounts(List<Long> campaigns, List<String> measures,
			Map<String, List<Long>> itemCampaigns) {
		var pairCampaigns = new ArrayList<Long>();
		var pairItems = new ArrayList<String>();
		itemCampaigns.forEach((measure, ids) -> ids.forEach((id) -> {
			pairCampaigns.add(id);
			pairItems.add(measure.substring(ITEM.length()));
		}));
		return this.database.sql("""
				with item_value as (
				    select v.unit_id, 'item:' || v.item as measure, v.value, sum(v.respondents) as respondents,
				        sum(v.answers) as answers
				    from unit_value_count v
				    join unnest(cast(:itemCampaigns as int8[]), cast(:itemCodes as text[])) as q (campaign_id, item)
				        on q.campaign_id = v.campaign_id and q.item = v.item
				    group by v.unit_id, v.item, v.value
				), totals as (
				    select unit_id, measure, sum(respondents) as respondents, sum(answers) as answers,
				        sum(satisfied) as satisfied, sum(satisfied_squares) as aa, sum(answers_squares) as mm,
				        sum(cross_products) as am, sum(satisfied_respondents) as satisfied_respondents,
				        sum(mean_sum) as mean_sum, sum(mean_squares) as mean_squares
				    from unit_measure_total
				    where campaign_id = any(:campaigns) and measure = any(:measures) and measure not like 'item:%'
				    group by unit_id, measure
				    union all
				    select unit_id, measure, respondents, respondents, satisfied, satisfied, respondents, satisfied,
				        satisfied, mean_sum, mean_squares
				    from (
				        select unit_id, measure, sum(respondents) as respondents,
				            coalesce(sum(respondents) filter (where value in ('4', '5')), 0) as satisfied,
				            sum(respondents * value::int) as mean_sum,
				            sum(respondents * value::int * value::int) as mean_squares
				        from item_value
				        where value <> 'na'
				        group by unit_id, measure
				    ) item
				), not_applicable as (
				    select v.unit_id, k.measure, sum(v.answers) as not_applicable
				    from unit_value_count v
				    join campaign c on c.id = v.campaign_id
				    join template_measure_item k on k.template_id = c.template_id and k.item = v.item
				    where v.campaign_id = any(:campaigns) and v.value = 'na' and k.measure = any(:measures)
				    group by v.unit_id, k.measure
				    union all
				    select unit_id, measure, sum(answers) from item_value where value = 'na' group by unit_id, measure
				)
				select coalesce(t.unit_id, n.unit_id) as unit_id, coalesce(t.measure, n.measure) as measure,
				    t.respondents, t.answers, t.satisfied, t.aa, t.mm, t.am, t.satisfied_respondents, t.mean_sum,
				    t.mean_squares, n.not_applicable
				from totals t
				full join not_applicable n on n.unit_id = t.unit_id and n.measure = t.measure
				""")
			.bind("campaigns", campaigns.toArray(Long[]::new))
			.bind("measures", measures.toArray(String[]::new))
			.bind("itemCampaigns", pairCampaigns.toArray(Long[]::new))
			.bind("itemCodes", pairItems.toArray(String[]::new))
			.map((row) -> Map.entry(row.get("unit_id", Long.class),
					Map.entry(row.get("measure", String.class), counts(row, ""))))
			.all()
			.collectList()
			.map((rows) -> {
				var result = new ArrayList<Map<Long, SurveyCounts>>();
				for (String measure : measures) {
					var perUnit = new HashMap<Long, SurveyCounts>();
					for (var row : rows) {
						SurveyCounts counts = row.getValue().getValue();
						if (row.getValue().getKey().equals(measure)
								&& (counts.respondents() > 0 || counts.notApplicable() > 0)) {
							perUnit.put(row.getKey(), counts);
						}
					}
					result.add(perUnit);
				}
				return result;
			});
	}

	/**
	 * The sums of complete cases per campaign, unit, section and item that the intake
	 * keeps ({@code unit_section_total}, slots added up), for Cronbach's alpha per
	 * aspect; item {@code ""} holds the total score.
	 * @param campaigns the campaigns
	 * @return one row per campaign, unit, section and item
	 */
	Flux<SectionTotal> sectionTotals(List<Long> campaigns) {
		if (campaigns.isEmpty()) {
			return Flux.empty();
		}
		return this.database.sql("""
				select campaign_id, unit_id, section, item, sum(respondents) as respondents,
				    sum(value_sum) as value_sum, sum(value_squares) as value_squares
				from unit_section_total
				where campaign_id = any(:campaigns)
				group by campaign_id, unit_id, section, item
				""")
			.bind("campaigns", campaigns.toArray(Long[]::new))
			.map((row) -> new SectionTotal(row.get("campaign_id", Long.class), row.get("unit_id", Long.class),
					row.get("section", String.class), row.get("item", String.class), number(row, "respondents"),
					number(row, "value_sum"), number(row, "value_squares")))
			.all();
	}

	/**
	 * Cross moments of official criteria per unit, for the {@code factor-mean} method:
	 * per respondent r and criterion k, x_rk = 1 when r answered the criterion's item on
	 * the scale and y_rk = 1 when the answer was 4 or 5; per unit and pair (k, l) the
	 * sums Σ x_k·x_l, Σ y_k·x_l and Σ y_k·y_l, computed in PostgreSQL from the answers
	 * (the aggregates kept at intake hold no cross products), one row per unit and pair;
	 * and per unit the respondents who answered a criterion and the "không áp dụng"
	 * answers. The cost grows with the responses × K².
	 * @param criteria K, the number of criteria
	 * @param map which item of which campaign renders which criterion 0 ≤ k &lt; K
	 * @return per unit id, its moments and its "không áp dụng" answers
	 */
	Mono<Map<Long, CriteriaCounts>> criteriaMoments(int criteria, List<CriterionItem> map) {
		if (map.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("""
				with map as (
				    select * from unnest(cast(:campaigns as bigint[]), cast(:items as text[]), cast(:ks as int[]))
				        as m (campaign_id, item, k)
				), rated as (
				    select x.unit_id, x.response_id, m.k, case when x.value in ('4', '5') then 1 else 0 end as y,
				        x.value = 'na' as na
				    from answer x
				    join map m on m.campaign_id = x.campaign_id and m.item = x.item
				    where x.campaign_id = any(:ids) and x.position = 0
				), a as (
				    select unit_id, response_id, k, y from rated where not na
				)
				select p.unit_id, p.k, q.k as l, count(*) as xx, sum(p.y) as yx, sum(p.y * q.y) as yy
				from a p join a q on q.response_id = p.response_id
				group by p.unit_id, p.k, q.k
				union all
				select unit_id, -1, -1, count(distinct response_id), 0, 0 from a group by unit_id
				union all
				select unit_id, -2, -2, count(*), 0, 0 from rated where na group by unit_id
				""")
			.bind("campaigns", map.stream().map(CriterionItem::campaign).toArray(Long[]::new))
			.bind("items", map.stream().map(CriterionItem::item).toArray(String[]::new))
			.bind("ks", map.stream().map(CriterionItem::criterion).toArray(Integer[]::new))
			.bind("ids", map.stream().map(CriterionItem::campaign).distinct().toArray(Long[]::new))
			.map((row) -> new long[] { row.get("unit_id", Long.class), number(row, "k"), number(row, "l"),
					number(row, "xx"), number(row, "yx"), number(row, "yy") })
			.all()
			.collectList()
			.map((rows) -> {
				var perUnit = new HashMap<Long, long[]>();
				var matrices = new HashMap<Long, CriteriaMoments>();
				for (long[] row : rows) {
					long[] totals = perUnit.computeIfAbsent(row[0], (unit) -> new long[2]);
					if (row[1] == -1) {
						totals[0] = row[3];
					}
					else if (row[1] == -2) {
						totals[1] = row[3];
					}
					else {
						CriteriaMoments moments = matrices.computeIfAbsent(row[0],
								(unit) -> CriteriaMoments.empty(criteria));
						int k = (int) row[1];
						int l = (int) row[2];
						moments.xx()[k][l] = row[3];
						moments.yx()[k][l] = row[4];
						moments.yy()[k][l] = row[5];
					}
				}
				var result = new HashMap<Long, CriteriaCounts>();
				perUnit.forEach((unit, totals) -> {
					CriteriaMoments moments = matrices.getOrDefault(unit, CriteriaMoments.empty(criteria));
					result.put(unit, new CriteriaCounts(
							new CriteriaMoments(totals[0], moments.yy(), moments.yx(), moments.xx()), totals[1]));
				});
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
				decimal(row, "mean_sum" + suffix), decimal(row, "mean_squares" + suffix),
				number(row, "not_applicable" + suffix));
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

	/**
	 * An item of a campaign's template version that renders an official criterion.
	 *
	 * @param campaign the campaign's id
	 * @param item the item's code in that campaign's template version
	 * @param criterion the criterion's number in the measure, 0 ≤ k &lt; K
	 */
	record CriterionItem(long campaign, String item, int criterion) {
	}

	/**
	 * One unit's criteria moments and its "không áp dụng" answers to the criteria.
	 *
	 * @param moments the moments
	 * @param notApplicable the "không áp dụng" answers
	 */
	record CriteriaCounts(CriteriaMoments moments, long notApplicable) {
	}

}
