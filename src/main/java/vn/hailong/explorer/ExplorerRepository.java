package vn.hailong.explorer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import vn.hailong.report.SectionTotal;
import vn.hailong.report.SurveyCounts;
import vn.hailong.system.ReadDatabase;

/**
 * Reads the counts the explorer's per-question and per-unit views need, aggregated in
 * PostgreSQL, from the read replica when there is one: from the aggregates the intake
 * keeps ({@code unit_value_count}, {@code unit_measure_total},
 * {@code unit_section_total}, slots added up) when the selection has no submission
 * window, otherwise from the answers of the responses received in the window, with the
 * same expressions as the intake and {@code response/AggregateRepository}'s
 * recomputation. Every query is bounded by the selection's campaigns and units.
 */
@Repository
class ExplorerRepository {

	private static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private static final String WINDOW = "r.received_at >= :since and r.received_at < :until";

	private final DatabaseClient database;

	ExplorerRepository(ReadDatabase reads) {
		this.database = reads.client();
	}

	/**
	 * Answers and respondents (position 0) per item and value over the selection, or per
	 * unit, item and value for one item.
	 * @param selection the selection
	 * @param item one item's code, or null for every item
	 * @param perUnit whether to keep units apart (unit 0 when not)
	 * @return one row per (unit,) item and value
	 */
	Flux<ValueCount> valueCounts(Selection selection, String item, boolean perUnit) {
		String unit = perUnit ? "unit_id" : "0";
		String itemFilter = (item != null) ? " and %s = :item" : "";
		String sql = selection.windowed() ? """
				select %1$s as unit_id, x.item, x.value, count(*) as answers,
				    count(*) filter (where x.position = 0) as respondents
				from answer x join response r on r.id = x.response_id
				where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and %2$s%3$s
				group by 1, x.item, x.value
				""".formatted(perUnit ? "x.unit_id" : "0", WINDOW, itemFilter.formatted("x.item")) : """
				select %1$s as unit_id, item, value, sum(answers) as answers, sum(respondents) as respondents
				from unit_value_count
				where campaign_id = any(:campaigns) and unit_id = any(:units)%2$s
				group by 1, item, value
				""".formatted(unit, itemFilter.formatted("item"));
		var spec = bindWindow(this.database.sql(sql), selection).bind("campaigns", selection.campaignIds())
			.bind("units", selection.unitIds());
		if (item != null) {
			spec = spec.bind("item", item);
		}
		return spec
			.map((row) -> new ValueCount(row.get("unit_id", Number.class).longValue(), row.get("item", String.class),
					row.get("value", String.class), number(row, "answers"), number(row, "respondents")))
			.all();
	}

	/**
	 * The sufficient statistics of every section of 5-point items per unit (the measures
	 * {@code section:<code>}), as the report reads them.
	 * @param selection the selection
	 * @param section one section's code, or null for every section
	 * @return one row per unit and section
	 */
	Flux<SectionCounts> sectionCounts(Selection selection, String section) {
		String sql = selection.windowed() ? """
				select unit_id, measure, count(*) as respondents, sum(m) as answers, sum(a) as satisfied,
				    sum(a * a) as aa, sum(m * m) as mm, sum(a * m) as am,
				    count(*) filter (where s >= 4 * m) as satisfied_respondents, sum(s::numeric / m) as mean_sum,
				    sum(s::numeric * s / (m * m)) as mean_squares
				from (
				    select x.unit_id, x.response_id, k.measure, count(*) as m,
				        count(*) filter (where x.value in ('4', '5')) as a, sum(x.value::int) as s
				    from answer x
				    join response r on r.id = x.response_id
				    join campaign c on c.id = x.campaign_id
				    join template_measure_item k on k.template_id = c.template_id and k.item = x.item
				    where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and x.position = 0
				        and x.value <> 'na' and k.measure like 'section:%%' and %s%s
				    group by x.unit_id, x.response_id, k.measure
				) per_respondent
				group by unit_id, measure
				""".formatted(WINDOW, (section != null) ? " and k.measure = :measure" : "") : """
				select unit_id, measure, sum(respondents) as respondents, sum(answers) as answers,
				    sum(satisfied) as satisfied, sum(satisfied_squares) as aa, sum(answers_squares) as mm,
				    sum(cross_products) as am, sum(satisfied_respondents) as satisfied_respondents,
				    sum(mean_sum) as mean_sum, sum(mean_squares) as mean_squares
				from unit_measure_total
				where campaign_id = any(:campaigns) and unit_id = any(:units) and measure like 'section:%%'%s
				group by unit_id, measure
				""".formatted((section != null) ? " and measure = :measure" : "");
		var spec = bindWindow(this.database.sql(sql), selection).bind("campaigns", selection.campaignIds())
			.bind("units", selection.unitIds());
		if (section != null) {
			spec = spec.bind("measure", "section:" + section);
		}
		return spec.map((row) -> new SectionCounts(row.get("unit_id", Long.class),
				row.get("measure", String.class).substring("section:".length()),
				new SurveyCounts(number(row, "respondents"), number(row, "answers"), number(row, "satisfied"),
						decimal(row, "aa"), decimal(row, "mm"), decimal(row, "am"),
						number(row, "satisfied_respondents"), decimal(row, "mean_sum"), decimal(row, "mean_squares"))))
			.all();
	}

	/**
	 * The sums of complete cases per campaign, unit, section and item ({@code ""} for the
	 * total score) for Cronbach's alpha, as {@code response/SectionTotals} defines them.
	 * @param selection the selection
	 * @return one row per campaign, unit, section and item
	 */
	Flux<SectionTotal> sectionTotals(Selection selection) {
		String sql = selection.windowed()
				? """
						with section_answer as (
						    select x.campaign_id, x.unit_id, x.response_id, z.section, z.items, x.item,
						        cast(x.value as int) as v, count(*) over (partition by x.response_id, z.section) as answered
						    from answer x
						    join response r on r.id = x.response_id
						    join campaign c on c.id = x.campaign_id
						    join template_measure_item k on k.template_id = c.template_id and k.item = x.item
						        and k.measure like 'section:%%'
						    join template_section_size z on z.template_id = c.template_id and 'section:' || z.section = k.measure
						    where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and x.position = 0
						        and x.value <> 'na' and z.items >= 2 and %s
						), section_complete as (
						    select campaign_id, unit_id, section, item, cast(v as bigint) as v from section_answer
						    where answered = items
						    union all
						    select campaign_id, unit_id, section, '', sum(v) from section_answer where answered = items
						    group by campaign_id, unit_id, response_id, section
						)
						select campaign_id, unit_id, section, item, count(*) as respondents, sum(v) as value_sum,
						    sum(v * v) as value_squares
						from section_complete
						group by campaign_id, unit_id, section, item
						"""
					.formatted(WINDOW)
				: """
						select campaign_id, unit_id, section, item, sum(respondents) as respondents,
						    sum(value_sum) as value_sum, sum(value_squares) as value_squares
						from unit_section_total
						where campaign_id = any(:campaigns) and unit_id = any(:units)
						group by campaign_id, unit_id, section, item
						""";
		return bindWindow(this.database.sql(sql), selection).bind("campaigns", selection.campaignIds())
			.bind("units", selection.unitIds())
			.map((row) -> new SectionTotal(row.get("campaign_id", Long.class), row.get("unit_id", Long.class),
					row.get("section", String.class), row.get("item", String.class), number(row, "respondents"),
					number(row, "value_sum"), number(row, "value_squares")))
			.all();
	}

	/**
	 * Responses per unit.
	 * @param selection the selection
	 * @return one row per unit with responses
	 */
	Flux<ValueCount> responses(Selection selection) {
		String sql = selection.windowed()
				? "select r.unit_id, count(*) as responses from response r "
						+ "where r.campaign_id = any(:campaigns) and r.unit_id = any(:units) and " + WINDOW
						+ " group by r.unit_id"
				: "select unit_id, sum(responses) as responses from unit_response_count "
						+ "where campaign_id = any(:campaigns) and unit_id = any(:units) group by unit_id";
		return bindWindow(this.database.sql(sql), selection).bind("campaigns", selection.campaignIds())
			.bind("units", selection.unitIds())
			.map((row) -> new ValueCount(row.get("unit_id", Long.class), "", "", number(row, "responses"),
					number(row, "responses")))
			.all();
	}

	private static DatabaseClient.GenericExecuteSpec bindWindow(DatabaseClient.GenericExecuteSpec spec,
			Selection selection) {
		if (!selection.windowed()) {
			return spec;
		}
		return spec.bind("since", at(selection.from(), EARLIEST)).bind("until", at(selection.until(), LATEST));
	}

	private static OffsetDateTime at(Instant instant, OffsetDateTime otherwise) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : otherwise;
	}

	private static long number(Readable row, String column) {
		Number value = row.get(column, Number.class);
		return (value != null) ? value.longValue() : 0;
	}

	private static double decimal(Readable row, String column) {
		Number value = row.get(column, Number.class);
		return (value != null) ? value.doubleValue() : 0;
	}

	/**
	 * How often a value was given for an item.
	 *
	 * @param unit the unit's id, 0 when summed over units
	 * @param item the item's code ({@code ""} for a unit's responses)
	 * @param value the stored value: a scale point, {@code na}, {@code yes}/{@code no},
	 * an option's code or a number
	 * @param answers the answers with this value (a multiple-choice option's choosers)
	 * @param respondents those at position 0 (summed over values: the item's respondents)
	 */
	record ValueCount(long unit, String item, String value, long answers, long respondents) {
	}

	/**
	 * One unit's counts for one section of 5-point items.
	 *
	 * @param unit the unit's id
	 * @param section the section's code
	 * @param counts its respondents' counts
	 */
	record SectionCounts(long unit, String section, SurveyCounts counts) {
	}

}
