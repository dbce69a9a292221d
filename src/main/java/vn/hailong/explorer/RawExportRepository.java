package vn.hailong.explorer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import vn.hailong.campaign.Campaign;
import vn.hailong.system.ReadDatabase;

/**
 * Reads a selection's responses for the raw data export, one row per response with its
 * answers gathered by PostgreSQL, one unit at a time, from a cursor: rows are fetched
 * {@value #FETCH_SIZE} at a time as the writer asks for them, never the whole result.
 */
@Repository
class RawExportRepository {

	/** Rows the database sends per round trip of a cursor. */
	static final int FETCH_SIZE = 500;

	private static final String WINDOW = """
			r.campaign_id = any(cast(:campaigns as int8[])) and r.received_at >= cast(:from as timestamptz)
			and r.received_at < cast(:until as timestamptz)""";

	private final DatabaseClient database;

	RawExportRepository(ReadDatabase reads) {
		this.database = reads.client();
	}

	/** The responses of each unit of the selection (units without any left out). */
	Mono<Map<Long, Long>> countByUnit(Selection selection) {
		return window(this.database.sql("select r.unit_id, count(*) as responses from response r where " + WINDOW
				+ " and r.unit_id = any(cast(:units as int8[])) group by r.unit_id"), selection)
			.bind("units", selection.unitIds())
			.map((row) -> Map.entry(row.get("unit_id", Long.class), row.get("responses", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
	}

	/**
	 * One unit's responses, by campaign and time of arrival.
	 * @param withTexts whether to read the free-text answers too
	 */
	Flux<ResponseRow> responses(Selection selection, long unit, boolean withTexts) {
		String texts = withTexts ? """
				left join lateral (
				    select array_agg(t.item order by t.item) as text_items, array_agg(t.text order by t.item) as texts
				    from free_text_answer t where t.response_id = r.id
				) t on true"""
				: "left join lateral (select null::text[] as text_items, null::text[] as texts) t on true";
		String sql = """
				select r.campaign_id, r.received_at, a.items, a.vals, t.text_items, t.texts
				from response r
				left join lateral (
				    select array_agg(a.item order by a.item, a.position) as items,
				        array_agg(a.value order by a.item, a.position) as vals
				    from answer a where a.response_id = r.id
				) a on true
				%s
				where %s and r.unit_id = :unit
				order by r.campaign_id, r.received_at, r.id
				""".formatted(texts, WINDOW);
		return window(this.database.sql(sql), selection).bind("unit", unit)
			.filter((statement) -> statement.fetchSize(FETCH_SIZE))
			.map((row) -> new ResponseRow(row.get("campaign_id", Long.class),
					row.get("received_at", OffsetDateTime.class).atZoneSameInstant(Campaign.ZONE).toLocalDate(),
					orEmpty(row.get("items", String[].class)), orEmpty(row.get("vals", String[].class)),
					orEmpty(row.get("text_items", String[].class)), orEmpty(row.get("texts", String[].class))))
			.all();
	}

	private static DatabaseClient.GenericExecuteSpec window(DatabaseClient.GenericExecuteSpec spec,
			Selection selection) {
		return spec.bind("campaigns", selection.campaignIds())
			.bind("from", (selection.from() != null) ? selection.from().toString() : "-infinity")
			.bind("until", (selection.until() != null) ? selection.until().toString() : "infinity");
	}

	private static String[] orEmpty(String[] values) {
		return (values != null) ? values : new String[0];
	}

	/**
	 * One response as read.
	 *
	 * @param campaign the campaign's id
	 * @param submitted the day it arrived, in Viet Nam
	 * @param items the items of its counted values, sorted, an item repeated per option
	 * of a multiple choice
	 * @param values the values, in the order of {@code items}
	 * @param textItems the items of its free-text answers (empty when not read)
	 * @param texts the texts, in the order of {@code textItems}
	 */
	record ResponseRow(long campaign, LocalDate submitted, String[] items, String[] values, String[] textItems,
			String[] texts) {
	}

}
