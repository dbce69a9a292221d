package vn.hailong.explorer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import vn.hailong.report.SectionTotal;
import vn.hailong.report.SurveyCounts;
import vn.hailong.system.ReadDatabase;
import vn.hailong.template.Item;
import vn.hailong.template.ItemType;
import vn.hailong.template.Section;

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
	 * @param perUnit whether to keep units apart (unit 0 when not)
	 * @return one row per (unit and) section
	 */
	Flux<SectionCounts> sectionCounts(Selection selection, String section, boolean perUnit) {
		String unit = perUnit ? "unit_id" : "0";
		String sql = selection.windowed() ? """
				select %3$s as unit_id, measure, count(*) as respondents, sum(m) as answers, sum(a) as satisfied,
				    sum(a * a) as aa, sum(m * m) as mm, sum(a * m) as am,
				    count(*) filter (where s >= 4 * m) as satisfied_respondents, sum(s::numeric / m) as mean_sum,
				    sum(s::numeric * s / (m * m)) as mean_squares
				from (
				    select x.unit_id, x.response_id, k.measure, count(*) as m,
				        count(*) filter (where x.value in ('4', '5')) as a, sum(x.value::int) as s
				    from answer x
				    join response r on r.id = x.response_id
				    join unnest(cast(:items as text[]), cast(:measures as text[]), cast(:sizes as int[]))
				        as k (item, measure, size) on k.item = x.item
				    where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and x.position = 0
				        and x.value <> 'na' and %s%s
				    group by x.unit_id, x.response_id, k.measure
				) per_respondent
				group by 1, measure
				""".formatted(WINDOW, (section != null) ? " and k.measure = :measure" : "", unit) : """
				select %2$s as unit_id, measure, sum(respondents) as respondents, sum(answers) as answers,
				    sum(satisfied) as satisfied, sum(satisfied_squares) as aa, sum(answers_squares) as mm,
				    sum(cross_products) as am, sum(satisfied_respondents) as satisfied_respondents,
				    sum(mean_sum) as mean_sum, sum(mean_squares) as mean_squares
				from unit_measure_total
				where campaign_id = any(:campaigns) and unit_id = any(:units) and measure like 'section:%%'%1$s
				group by 1, measure
				""".formatted((section != null) ? " and measure = :measure" : "", unit);
		var spec = bindSections(bindWindow(this.database.sql(sql), selection), selection)
			.bind("campaigns", selection.campaignIds())
			.bind("units", selection.unitIds());
		if (section != null) {
			spec = spec.bind("measure", "section:" + section);
		}
		return spec.map((row) -> new SectionCounts(row.get("unit_id", Number.class).longValue(),
				row.get("measure", String.class).substring("section:".length()),
				new SurveyCounts(number(row, "respondents"), number(row, "answers"), number(row, "satisfied"),
						decimal(row, "aa"), decimal(row, "mm"), decimal(row, "am"),
						number(row, "satisfied_respondents"), decimal(row, "mean_sum"), decimal(row, "mean_squares"))))
			.all();
	}

	/**
	 * The sums of complete cases per campaign, unit, section and item ({@code ""} for the
	 * total score) for Cronbach's alpha, as {@code response/SectionTotals} defines them.
	 * The sums merge by addition over units, so the units are added up in the database
	 * (each row then has unit 0), as {@code report/AspectReliabilities} would merge them.
	 * @param selection the selection
	 * @return one row per campaign, section and item
	 */
	Flux<SectionTotal> sectionTotals(Selection selection) {
		String windowed = """
				with section_answer as (
				    select x.campaign_id, x.response_id, substr(k.measure, 9) as section, k.size as items, x.item,
				        cast(x.value as int) as v, count(*) over (partition by x.response_id, k.measure) as answered
				    from answer x
				    join response r on r.id = x.response_id
				    join unnest(cast(:items as text[]), cast(:measures as text[]), cast(:sizes as int[]))
				        as k (item, measure, size) on k.item = x.item
				    where x.campaign_id = any(:campaigns) and x.unit_id = any(:units) and x.position = 0
				        and x.value <> 'na' and k.size >= 2 and %s
				), section_complete as (
				    select campaign_id, section, item, cast(v as bigint) as v from section_answer
				    where answered = items
				    union all
				    select campaign_id, section, '', sum(v) from section_answer where answered = items
				    group by campaign_id, response_id, section
				)
				select campaign_id, 0 as unit_id, section, item, count(*) as respondents, sum(v) as value_sum,
				    sum(v * v) as value_squares
				from section_complete
				group by campaign_id, section, item
				""".formatted(WINDOW);
		String kept = """
				select campaign_id, 0 as unit_id, section, item, sum(respondents) as respondents,
				    sum(value_sum) as value_sum, sum(value_squares) as value_squares
				from unit_section_total
				where campaign_id = any(:campaigns) and unit_id = any(:units)
				group by campaign_id, section, item
				""";
		String sql = selection.windowed() ? windowed : kept;
		return bindSections(bindWindow(this.database.sql(sql), selection), selection)
			.bind("campaigns", selection.campaignIds())
			.bind("units", selection.unitIds())
			.map((row) -> new SectionTotal(row.get("campaign_id", Long.class),
					row.get("unit_id", Number.class).longValue(), row.get("section", String.class),
					row.get("item", String.class), number(row, "respondents"), number(row, "value_sum"),
					number(row, "value_squares")))
			.all();
	}

	/**
	 * The responses of the selection.
	 * @param selection the selection
	 * @return their number
	 */
	Mono<Long> responses(Selection selection) {
		String sql = selection.windowed()
				? "select count(*) as responses from response r "
						+ "where r.campaign_id = any(:campaigns) and r.unit_id = any(:units) and " + WINDOW
				: "select sum(responses) as responses from unit_response_count "
						+ "where campaign_id = any(:campaigns) and unit_id = any(:units)";
		return bindWindow(this.database.sql(sql), selection).bind("campaigns", selection.campaignIds())
			.bind("units", selection.unitIds())
			.map((row) -> number(row, "responses"))
			.one()
			.defaultIfEmpty(0L);
	}

	private static DatabaseClient.GenericExecuteSpec bindWindow(DatabaseClient.GenericExecuteSpec spec,
			Selection selection) {
		if (!selection.windowed()) {
			return spec;
		}
		return spec.bind("since", at(selection.from(), EARLIEST)).bind("until", at(selection.until(), LATEST));
	}

	/**
	 * With a window, binds the sections of 5-point items of the selection's template
	 * version as three arrays (item, {@code section:<code>}, the section's number of
	 * 5-point items), which is what {@code template_measure_item} and
	 * {@code template_section_size} say of it, without expanding every template's JSON.
	 */
	private static DatabaseClient.GenericExecuteSpec bindSections(DatabaseClient.GenericExecuteSpec spec,
			Selection selection) {
		if (!selection.windowed()) {
			return spec;
		}
		var items = new ArrayList<String>();
		var measures = new ArrayList<String>();
		var sizes = new ArrayList<Integer>();
		for (Section section : selection.template().template().sections()) {
			var scale = section.items().stream().filter((item) -> item.type() == ItemType.SCALE5).toList();
			for (Item item : scale) {
				items.add(item.code());
				measures.add("section:" + section.code());
				sizes.add(scale.size());
			}
		}
		return spec.bind("items", items.toArray(String[]::new))
			.bind("measures", measures.toArray(String[]::new))
			.bind("sizes", sizes.toArray(Integer[]::new));
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
