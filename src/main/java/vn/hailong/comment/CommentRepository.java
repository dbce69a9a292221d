package vn.hailong.comment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads free-text answers a page at a time.
 */
@Repository
class CommentRepository {

	private static final String FROM = """
			from free_text_answer f
			join response r on r.id = f.response_id
			join unit u on u.id = r.unit_id
			where r.campaign_id = :campaign and r.unit_id = any(cast(:units as int8[]))
			""";

	private final DatabaseClient database;

	CommentRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Lists the units a campaign surveys, by code.
	 */
	Flux<CampaignUnit> units(long campaign) {
		return this.database
			.sql("select u.id, u.code, u.name from campaign_unit cu join unit u on u.id = cu.unit_id "
					+ "where cu.campaign_id = :campaign order by u.code")
			.bind("campaign", campaign)
			.map((row) -> new CampaignUnit(row.get("id", Long.class), row.get("code", String.class),
					row.get("name", String.class)))
			.all();
	}

	Mono<Long> count(long campaign, Collection<Long> units) {
		return this.database.sql("select count(*) as answers " + FROM)
			.bind("campaign", campaign)
			.bind("units", units.toArray(Long[]::new))
			.map((row) -> row.get("answers", Long.class))
			.one();
	}

	/**
	 * Reads a page of answers, newest response first, then by response and item.
	 */
	Flux<Row> page(long campaign, Collection<Long> units, long offset, int limit) {
		return this.database
			.sql("select u.code, u.name, f.item, f.text, r.received_at " + FROM
					+ "order by r.received_at desc, r.id, f.item limit :limit offset :offset")
			.bind("campaign", campaign)
			.bind("units", units.toArray(Long[]::new))
			.bind("limit", limit)
			.bind("offset", offset)
			.map((row) -> new Row(row.get("code", String.class), row.get("name", String.class),
					row.get("item", String.class), row.get("text", String.class),
					row.get("received_at", OffsetDateTime.class).toInstant()))
			.all();
	}

	record CampaignUnit(long id, String code, String name) {
	}

	record Row(String unit, String unitName, String item, String text, Instant receivedAt) {
	}

}
