package vn.hailong.campaign;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes campaigns and the units they survey.
 */
@Repository
class CampaignRepository {

	private static final String SELECT = "select c.id, c.name, t.code as template, t.version as template_version, "
			+ "c.template_id, c.period, c.opens_at, c.closes_at, c.state, c.access, c.allow_repeat, c.rate_limit, "
			+ "array(select u.code from campaign_unit cu join unit u on u.id = cu.unit_id "
			+ "where cu.campaign_id = c.id order by u.code) as units "
			+ "from campaign c join survey_template t on t.id = c.template_id ";

	private final DatabaseClient database;

	CampaignRepository(DatabaseClient database) {
		this.database = database;
	}

	Flux<Campaign> findAll() {
		return this.database.sql(SELECT + "order by c.id desc").map(CampaignRepository::campaign).all();
	}

	Mono<Campaign> findById(long id) {
		return this.database.sql(SELECT + "where c.id = :id").bind("id", id).map(CampaignRepository::campaign).one();
	}

	Mono<Long> insert(String name, long templateId, Period period, Instant opensAt, Instant closesAt,
			List<String> unitCodes, Guards guards) {
		return this.database
			.sql("with c as (insert into campaign (name, template_id, period, opens_at, closes_at, access, "
					+ "allow_repeat, rate_limit) values (:name, :templateId, :period, :opensAt, :closesAt, :access, "
					+ ":allowRepeat, :rateLimit) returning id), "
					+ "u as (insert into campaign_unit (campaign_id, unit_id) "
					+ "select c.id, unit.id from c, unit where unit.code = any(:units)) select id from c")
			.bind("name", name.strip())
			.bind("templateId", templateId)
			.bind("period", period.code())
			.bind("opensAt", opensAt)
			.bind("closesAt", closesAt)
			.bind("units", unitCodes.toArray(String[]::new))
			.bind("access", guards.access().code())
			.bind("allowRepeat", guards.allowRepeat())
			.bind("rateLimit", guards.rateLimit())
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	/**
	 * Moves a campaign from one state to another; updates nothing when it is not in the
	 * expected state.
	 */
	Mono<Long> transition(long id, CampaignState from, CampaignState to) {
		return this.database.sql("update campaign set state = :to where id = :id and state = :from")
			.bind("id", id)
			.bind("from", from.code())
			.bind("to", to.code())
			.fetch()
			.rowsUpdated();
	}

	private static Campaign campaign(Readable row) {
		return new Campaign(row.get("id", Long.class), row.get("name", String.class), row.get("template", String.class),
				row.get("template_version", Integer.class), row.get("template_id", Long.class),
				Period.parse(row.get("period", String.class)).orElseThrow(),
				row.get("opens_at", OffsetDateTime.class).toInstant(),
				row.get("closes_at", OffsetDateTime.class).toInstant(),
				CampaignState.fromCode(row.get("state", String.class)), Arrays.asList(row.get("units", String[].class)),
				CampaignAccess.fromCode(row.get("access", String.class)).orElseThrow(),
				row.get("allow_repeat", Boolean.class), row.get("rate_limit", Integer.class));
	}

	/**
	 * A campaign's respondent guards, checked.
	 */
	record Guards(CampaignAccess access, boolean allowRepeat, int rateLimit) {
	}

}
