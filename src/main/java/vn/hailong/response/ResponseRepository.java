package vn.hailong.response;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores responses and reads their counts.
 */
@Repository
class ResponseRepository {

	/*
	 * One statement, so one round trip and one implicit transaction: the response row is
	 * written only while the campaign is open and surveys the unit, and the answers only
	 * if the response row was new.
	 */
	private static final String INSERT = """
			with target as (
			    select cu.campaign_id, cu.unit_id
			    from campaign_unit cu
			    join campaign c on c.id = cu.campaign_id
			    join unit u on u.id = cu.unit_id
			    where cu.campaign_id = :campaign and u.code = :unit
			      and c.state = 'open' and c.opens_at <= now() and now() < c.closes_at
			), r as (
			    insert into response (id, campaign_id, unit_id, content_hash)
			    select :id, target.campaign_id, target.unit_id, :hash from target
			    on conflict (id) do nothing
			    returning id, unit_id, received_at
			), a as (
			    insert into answer (response_id, campaign_id, unit_id, item, value, position)
			    select r.id, :campaign, r.unit_id, x.item, x.value, x.position
			    from r, unnest(cast(:items as text[]), cast(:values as text[]), cast(:positions as int4[]))
			        as x (item, value, position)
			), t as (
			    insert into free_text_answer (response_id, item, text)
			    select r.id, y.item, y.text
			    from r, unnest(cast(:textItems as text[]), cast(:texts as text[])) as y (item, text)
			)
			select received_at from r
			""";

	private final DatabaseClient database;

	ResponseRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Stores a response and its answers if the id is new and the campaign open for the
	 * unit.
	 * @return the time it was stored, or empty when nothing was stored
	 */
	Mono<Instant> insert(UUID id, long campaign, String unit, AnswerSheet sheet) {
		var counted = sheet.counted();
		return this.database.sql(INSERT)
			.bind("campaign", campaign)
			.bind("unit", unit)
			.bind("id", id)
			.bind("hash", sheet.contentHash())
			.bind("items", counted.stream().map(AnswerSheet.CountedValue::item).toArray(String[]::new))
			.bind("values", counted.stream().map(AnswerSheet.CountedValue::value).toArray(String[]::new))
			.bind("positions", counted.stream().map(AnswerSheet.CountedValue::position).toArray(Integer[]::new))
			.bind("textItems", sheet.texts().stream().map(AnswerSheet.FreeText::item).toArray(String[]::new))
			.bind("texts", sheet.texts().stream().map(AnswerSheet.FreeText::text).toArray(String[]::new))
			.map((row) -> row.get("received_at", OffsetDateTime.class).toInstant())
			.one();
	}

	Mono<Stored> findById(UUID id) {
		return this.database
			.sql("select r.campaign_id, u.code as unit, r.content_hash, r.received_at "
					+ "from response r join unit u on u.id = r.unit_id where r.id = :id")
			.bind("id", id)
			.map((row) -> new Stored(row.get("campaign_id", Long.class), row.get("unit", String.class),
					row.get("content_hash", byte[].class), row.get("received_at", OffsetDateTime.class).toInstant()))
			.one();
	}

	/**
	 * Counts answers per unit, item and value, and per item and value over all units, in
	 * one aggregation over {@code answer_count_idx}.
	 */
	Flux<ValueCount> countAnswers(long campaign) {
		return this.database.sql("""
				select u.code as unit, g.item, g.value, g.answers, g.respondents
				from (
				    select unit_id, item, value, count(*) as answers,
				        count(*) filter (where position = 0) as respondents
				    from answer
				    where campaign_id = :campaign
				    group by grouping sets ((unit_id, item, value), (item, value))
				) g
				left join unit u on u.id = g.unit_id
				""")
			.bind("campaign", campaign)
			.map((row) -> new ValueCount(row.get("unit", String.class), row.get("item", String.class),
					row.get("value", String.class), row.get("answers", Long.class), row.get("respondents", Long.class)))
			.all();
	}

	Flux<UnitCount> countResponses(long campaign) {
		return this.database
			.sql("select u.code as unit, count(*) as responses from response r join unit u on u.id = r.unit_id "
					+ "where r.campaign_id = :campaign group by u.code")
			.bind("campaign", campaign)
			.map((row) -> new UnitCount(row.get("unit", String.class), row.get("responses", Long.class)))
			.all();
	}

	/**
	 * A stored response's identity and content hash.
	 */
	record Stored(long campaign, String unit, byte[] contentHash, Instant receivedAt) {
	}

	/**
	 * How often a value was given for an item, in one unit or (unit null) over all units.
	 */
	record ValueCount(String unit, String item, String value, long answers, long respondents) {
	}

	/**
	 * How many responses a unit has.
	 */
	record UnitCount(String unit, long responses) {
	}

}
