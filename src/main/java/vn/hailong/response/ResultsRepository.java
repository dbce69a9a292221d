package vn.hailong.response;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import vn.hailong.system.ReadDatabase;

/**
 * Counts a campaign's answers for its results, from the read replica when there is one
 * (so the counts may lag behind the primary by the replica's delay).
 */
@Repository
class ResultsRepository {

	private final DatabaseClient database;

	ResultsRepository(ReadDatabase reads) {
		this.database = reads.client();
	}

	/**
	 * Counts answers per unit, item and value, and per item and value over all units,
	 * from the aggregates the intake keeps (their slots added up), not from the answers.
	 */
	Flux<ValueCount> countAnswers(long campaign) {
		return this.database.sql("""
				select u.code as unit, g.item, g.value, g.answers, g.respondents
				from (
				    select unit_id, item, value, sum(answers) as answers, sum(respondents) as respondents
				    from unit_value_count
				    where campaign_id = :campaign
				    group by grouping sets ((unit_id, item, value), (item, value))
				) g
				left join unit u on u.id = g.unit_id
				""")
			.bind("campaign", campaign)
			.map((row) -> new ValueCount(row.get("unit", String.class), row.get("item", String.class),
					row.get("value", String.class), row.get("answers", Number.class).longValue(),
					row.get("respondents", Number.class).longValue()))
			.all();
	}

	/**
	 * Counts responses per unit from the aggregates the intake keeps.
	 */
	Flux<UnitCount> countResponses(long campaign) {
		return this.database
			.sql("select u.code as unit, sum(c.responses) as responses from unit_response_count c "
					+ "join unit u on u.id = c.unit_id where c.campaign_id = :campaign group by u.code")
			.bind("campaign", campaign)
			.map((row) -> new UnitCount(row.get("unit", String.class), row.get("responses", Number.class).longValue()))
			.all();
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
