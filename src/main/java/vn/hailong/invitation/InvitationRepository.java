package vn.hailong.invitation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores batches of invitation codes, by hash only, and reads what a code is worth.
 */
@Repository
class InvitationRepository {

	private static final HexFormat HEX = HexFormat.of();

	private final DatabaseClient database;

	InvitationRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<NewBatch> insertBatch(long campaign, String unit, int size) {
		return this.database.sql("insert into invitation_batch (campaign_id, unit_id, size) "
				+ "select :campaign, u.id, :size from unit u where u.code = :unit returning id, unit_id, created_at")
			.bind("campaign", campaign)
			.bind("unit", unit)
			.bind("size", size)
			.map((row) -> new NewBatch(row.get("id", Long.class), campaign, row.get("unit_id", Long.class),
					row.get("created_at", OffsetDateTime.class).toInstant()))
			.one();
	}

	/**
	 * Stores code hashes for a batch, skipping any that exists already (a collision).
	 * @return the hashes stored, in hex
	 */
	Flux<String> insertCodes(NewBatch batch, List<byte[]> hashes) {
		return this.database
			.sql("insert into invitation (code_hash, batch_id, campaign_id, unit_id) "
					+ "select decode(h, 'hex'), :batch, :campaign, :unit from unnest(cast(:hashes as text[])) as h "
					+ "on conflict do nothing returning encode(code_hash, 'hex') as hash")
			.bind("batch", batch.id())
			.bind("campaign", batch.campaign())
			.bind("unit", batch.unitId())
			.bind("hashes", hashes.stream().map(HEX::formatHex).toArray(String[]::new))
			.map((row) -> row.get("hash", String.class))
			.all();
	}

	Mono<Found> find(byte[] hash) {
		return this.database
			.sql("select i.campaign_id, u.code as unit, i.spent_on is not null as spent "
					+ "from invitation i join unit u on u.id = i.unit_id where i.code_hash = decode(:hash, 'hex')")
			.bind("hash", HEX.formatHex(hash))
			.map((row) -> new Found(row.get("campaign_id", Long.class), row.get("unit", String.class),
					row.get("spent", Boolean.class)))
			.one();
	}

	/**
	 * Counts batches, issued and spent codes for every unit of a campaign, zeros
	 * included.
	 */
	Flux<InvitationSummary.UnitInvitations> summary(long campaign) {
		return this.database.sql("""
				select u.code as unit, count(distinct i.batch_id) as batches, count(i.code_hash) as issued,
				    count(i.spent_on) as spent
				from campaign_unit cu
				join unit u on u.id = cu.unit_id
				left join invitation i on i.campaign_id = cu.campaign_id and i.unit_id = cu.unit_id
				where cu.campaign_id = :campaign
				group by u.code
				order by u.code
				""")
			.bind("campaign", campaign)
			.map((row) -> new InvitationSummary.UnitInvitations(row.get("unit", String.class),
					row.get("batches", Long.class), row.get("issued", Long.class), row.get("spent", Long.class)))
			.all();
	}

	record NewBatch(long id, long campaign, long unitId, Instant createdAt) {
	}

	record Found(long campaign, String unit, boolean spent) {
	}

}
