package vn.hailong.response;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores responses and reads their counts.
 */
@Repository
class ResponseRepository {

	/*
	 * One statement for a batch of responses, so one round trip and one implicit
	 * transaction. A response row is written only while its campaign is open and surveys
	 * its unit, its answers only if the response row was new. In a public campaign the
	 * unique index on (campaign, unit, marker hash) refuses a second response from one
	 * browser. In an invitation campaign a response needs an unspent code of its campaign
	 * and unit: the code's row is locked (a concurrent statement with the same code
	 * waits, then finds it spent), one response per code is taken from the batch, and the
	 * code is spent only if its response row was written. Nothing links the code to the
	 * response. The ids of a batch are distinct.
	 */
	private static final String STORE = """
			with input as (
			    select i.id, i.campaign_id, i.unit_code, decode(i.hash, 'hex') as content_hash,
			        decode(i.marker, 'hex') as marker_hash, decode(i.code, 'hex') as code_hash
			    from unnest(cast(:ids as uuid[]), cast(:campaigns as int8[]), cast(:units as text[]),
			        cast(:hashes as text[]), cast(:markers as text[]), cast(:codes as text[]))
			        as i (id, campaign_id, unit_code, hash, marker, code)
			), target as (
			    select input.id, input.campaign_id, cu.unit_id, input.content_hash, input.marker_hash,
			        input.code_hash, c.access
			    from input
			    join unit u on u.code = input.unit_code
			    join campaign_unit cu on cu.campaign_id = input.campaign_id and cu.unit_id = u.id
			    join campaign c on c.id = input.campaign_id
			    where c.state = 'open' and c.opens_at <= now() and now() < c.closes_at
			), invited as (
			    select target.id, v.code_hash
			    from target
			    join invitation v on v.code_hash = target.code_hash and v.campaign_id = target.campaign_id
			        and v.unit_id = target.unit_id
			    where target.access = 'invitation' and v.spent_on is null
			    for update of v
			), admitted as (
			    select id, campaign_id, unit_id, content_hash, marker_hash
			    from target
			    where access = 'public'
			    union all
			    (select distinct on (invited.code_hash) target.id, target.campaign_id, target.unit_id,
			        target.content_hash, cast(null as bytea)
			    from target
			    join invited on invited.id = target.id
			    order by invited.code_hash, target.id)
			), r as (
			    insert into response (id, campaign_id, unit_id, content_hash, marker_hash)
			    select id, campaign_id, unit_id, content_hash, marker_hash from admitted
			    on conflict do nothing
			    returning id, campaign_id, unit_id, received_at
			), s as (
			    update invitation v set spent_on = current_date
			    from invited
			    join r on r.id = invited.id
			    where v.code_hash = invited.code_hash
			), x as (
			    select * from unnest(cast(:answerIds as uuid[]), cast(:items as text[]), cast(:values as text[]),
			        cast(:positions as int4[])) as x (response_id, item, value, position)
			), a as (
			    insert into answer (response_id, campaign_id, unit_id, item, value, position)
			    select r.id, r.campaign_id, r.unit_id, x.item, x.value, x.position
			    from x
			    join r on r.id = x.response_id
			), t as (
			    insert into free_text_answer (response_id, item, text)
			    select r.id, y.item, y.text
			    from unnest(cast(:textIds as uuid[]), cast(:textItems as text[]), cast(:texts as text[]))
			        as y (response_id, item, text)
			    join r on r.id = y.response_id
			)
			""";

	private static final String RESULT = "select id, received_at from r\n";

	/** The statement without the aggregates, which the intake benchmark also runs raw. */
	private static final String INSERT = STORE + RESULT;

	private static final HexFormat HEX = HexFormat.of();

	private final DatabaseClient database;

	private final AggregateWriter aggregates;

	private final String insert;

	@Autowired
	ResponseRepository(DatabaseClient database, AggregateProperties properties) {
		this.database = database;
		this.aggregates = new AggregateWriter(properties.enabled());
		this.insert = properties.enabled()
				? STORE + AggregateWriter.UPDATES + SectionTotals.UPDATES + AspectTotals.UPDATES + RESULT : INSERT;
	}

	ResponseRepository(DatabaseClient database) {
		this(database, new AggregateProperties(true, "", false, "64MB"));
	}

	/**
	 * Stores responses and their answers, each only if its id is new, its campaign open
	 * for its unit, its browser marker new for the campaign and unit, and, in an
	 * invitation campaign, its code valid and unspent; spends the codes used.
	 * @param batch the responses, with distinct ids
	 * @return the id and storage time of each response stored; the others were not
	 */
	Flux<Inserted> insertAll(List<NewResponse> batch) {
		var answerIds = new ArrayList<UUID>();
		var items = new ArrayList<String>();
		var values = new ArrayList<String>();
		var positions = new ArrayList<Integer>();
		var textIds = new ArrayList<UUID>();
		var textItems = new ArrayList<String>();
		var texts = new ArrayList<String>();
		for (NewResponse response : batch) {
			for (AnswerSheet.CountedValue value : response.sheet().counted()) {
				answerIds.add(response.id());
				items.add(value.item());
				values.add(value.value());
				positions.add(value.position());
			}
			for (AnswerSheet.FreeText text : response.sheet().texts()) {
				textIds.add(response.id());
				textItems.add(text.item());
				texts.add(text.text());
			}
		}
		if (!this.aggregates.enabled()) {
			return insertAll(batch, answerIds, items, values, positions, textIds, textItems, texts, null);
		}
		return Flux.using(this.aggregates::acquire,
				(slot) -> insertAll(batch, answerIds, items, values, positions, textIds, textItems, texts, slot),
				this.aggregates::release);
	}

	private Flux<Inserted> insertAll(List<NewResponse> batch, List<UUID> answerIds, List<String> items,
			List<String> values, List<Integer> positions, List<UUID> textIds, List<String> textItems,
			List<String> texts, Integer slot) {
		var spec = this.database.sql(this.insert);
		if (slot != null) {
			spec = spec.bind("slot", slot);
		}
		return spec.bind("ids", batch.stream().map(NewResponse::id).toArray(UUID[]::new))
			.bind("campaigns", batch.stream().map(NewResponse::campaign).toArray(Long[]::new))
			.bind("units", batch.stream().map(NewResponse::unit).toArray(String[]::new))
			.bind("hashes",
					batch.stream()
						.map((response) -> HEX.formatHex(response.sheet().contentHash()))
						.toArray(String[]::new))
			.bind("markers", batch.stream().map((response) -> hex(response.markerHash())).toArray(String[]::new))
			.bind("codes", batch.stream().map((response) -> hex(response.codeHash())).toArray(String[]::new))
			.bind("answerIds", answerIds.toArray(UUID[]::new))
			.bind("items", items.toArray(String[]::new))
			.bind("values", values.toArray(String[]::new))
			.bind("positions", positions.toArray(Integer[]::new))
			.bind("textIds", textIds.toArray(UUID[]::new))
			.bind("textItems", textItems.toArray(String[]::new))
			.bind("texts", texts.toArray(String[]::new))
			.map((row) -> new Inserted(row.get("id", UUID.class),
					row.get("received_at", OffsetDateTime.class).toInstant()))
			.all();
	}

	private static String hex(byte[] bytes) {
		return (bytes != null) ? HEX.formatHex(bytes) : null;
	}

	/**
	 * Tells whether a response with the given browser marker hash is stored for a
	 * campaign and unit.
	 */
	Mono<Boolean> markerUsed(long campaign, String unit, byte[] markerHash) {
		return this.database
			.sql("select exists (select 1 from response r join unit u on u.id = r.unit_id "
					+ "where r.campaign_id = :campaign and u.code = :unit and r.marker_hash = decode(:marker, 'hex')) "
					+ "as used")
			.bind("campaign", campaign)
			.bind("unit", unit)
			.bind("marker", HEX.formatHex(markerHash))
			.map((row) -> row.get("used", Boolean.class))
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
	 * A response to store.
	 *
	 * @param id the client-made id
	 * @param campaign the campaign's id
	 * @param unit the unit's code
	 * @param sheet the validated answers
	 * @param markerHash the browser marker's hash for the campaign and unit, or null when
	 * the campaign does not mark browsers
	 * @param codeHash the invitation code's hash, or null in a public campaign
	 */
	record NewResponse(UUID id, long campaign, String unit, AnswerSheet sheet, byte[] markerHash, byte[] codeHash) {

		NewResponse(UUID id, long campaign, String unit, AnswerSheet sheet) {
			this(id, campaign, unit, sheet, null, null);
		}

	}

	/**
	 * A response this request stored, and when.
	 */
	record Inserted(UUID id, Instant receivedAt) {
	}

	/**
	 * A stored response's identity and content hash.
	 */
	record Stored(long campaign, String unit, byte[] contentHash, Instant receivedAt) {
	}

}
