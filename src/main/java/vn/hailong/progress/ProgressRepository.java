package vn.hailong.progress;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Counts responses per campaign and unit in the database.
 */
@Repository
class ProgressRepository {

	/*
	 * The counts come from the aggregates the intake keeps (unit_response_count, up to 16
	 * slots per campaign and unit), not from the responses; one row per campaign and unit
	 * reaches the service.
	 */
	private static final String COUNT = """
			select cu.campaign_id, u.id as unit_id, u.code, u.name, cu.target, coalesce(r.responses, 0) as responses
			from campaign_unit cu
			join unit u on u.id = cu.unit_id
			left join (
			    select campaign_id, unit_id, sum(responses) as responses
			    from unit_response_count
			    where campaign_id = any(cast(:campaigns as int8[]))
			    group by campaign_id, unit_id
			) r on r.campaign_id = cu.campaign_id and r.unit_id = cu.unit_id
			where cu.campaign_id = any(cast(:campaigns as int8[]))
			order by cu.campaign_id, u.code
			""";

	private final DatabaseClient database;

	private final AtomicLong countsRun = new AtomicLong();

	ProgressRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Lists which units each of the given campaigns surveys, without counting anything.
	 * @param campaigns the campaigns' ids
	 * @return pairs of campaign id and unit id
	 */
	Flux<long[]> units(Collection<Long> campaigns) {
		if (campaigns.isEmpty()) {
			return Flux.empty();
		}
		return this.database
			.sql("select campaign_id, unit_id from campaign_unit where campaign_id = any(cast(:campaigns as int8[]))")
			.bind("campaigns", campaigns.toArray(Long[]::new))
			.map((row) -> new long[] { row.get("campaign_id", Long.class), row.get("unit_id", Long.class) })
			.all();
	}

	/**
	 * Counts the responses of every unit of the given campaigns, units without responses
	 * included.
	 * @param campaigns the campaigns' ids
	 * @return one row per campaign and unit, by campaign and unit code
	 */
	Flux<Progress.UnitCount> count(Collection<Long> campaigns) {
		if (campaigns.isEmpty()) {
			return Flux.empty();
		}
		return this.database.sql(COUNT).bind("campaigns", campaigns.toArray(Long[]::new)).filter((statement) -> {
			this.countsRun.incrementAndGet();
			return statement;
		})
			.map((row) -> new Progress.UnitCount(row.get("campaign_id", Long.class), row.get("unit_id", Long.class),
					row.get("code", String.class), row.get("name", String.class), row.get("target", Integer.class),
					row.get("responses", Number.class).longValue()))
			.all();
	}

	/**
	 * Tells how many counts this repository has run since it was created, for tests and
	 * benchmarks.
	 * @return the number of count queries executed
	 */
	long countsRun() {
		return this.countsRun.get();
	}

}
