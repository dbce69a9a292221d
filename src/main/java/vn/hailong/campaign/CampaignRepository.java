package vn.hailong.campaign;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import vn.hailong.period.Period;

/**
 * Reads and writes campaigns and the units they survey.
 */
@Repository
class CampaignRepository {

	private static final String SELECT = "select c.id, c.name, t.code as template, t.version as template_version, "
			+ "c.template_id, c.period, c.opens_at, c.closes_at, c.state, c.access, c.allow_repeat, c.rate_limit, "
			+ "array(select u.code from campaign_unit cu join unit u on u.id = cu.unit_id "
			+ "where cu.campaign_id = c.id order by u.code) as units, "
			+ "array(select u.code || '=' || cu.target from campaign_unit cu join unit u on u.id = cu.unit_id "
			+ "where cu.campaign_id = c.id and cu.target is not null order by u.code) as targets "
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
			List<String> unitCodes, List<Integer> targets, Guards guards) {
		return this.database
			.sql("with c as (insert into campaign (name, template_id, period, opens_at, closes_at, access, "
					+ "allow_repeat, rate_limit) values (:name, :templateId, :period, :opensAt, :closesAt, :access, "
					+ ":allowRepeat, :rateLimit) returning id), "
					+ "u as (insert into campaign_unit (campaign_id, unit_id, target) "
					+ "select c.id, unit.id, t.target from c, unnest(cast(:units as text[]), cast(:targets as integer[])) "
					+ "as t(code, target) join unit on unit.code = t.code) select id from c")
			.bind("name", name.strip())
			.bind("templateId", templateId)
			.bind("period", period.code())
			.bind("opensAt", opensAt)
			.bind("closesAt", closesAt)
			.bind("units", unitCodes.toArray(String[]::new))
			.bind("targets", targets.toArray(Integer[]::new))
			.bind("access", guards.access().code())
			.bind("allowRepeat", guards.allowRepeat())
			.bind("rateLimit", guards.rateLimit())
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	/**
	 * Moves the closing time of a campaign that is not closed; updates nothing otherwise.
	 */
	Mono<Long> updateClosesAt(long id, Instant closesAt) {
		return this.database.sql("update campaign set closes_at = :closesAt where id = :id and state <> 'closed'")
			.bind("id", id)
			.bind("closesAt", closesAt)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Adds units with their targets (null for none) to a campaign.
	 */
	Mono<Long> addUnits(long id, List<String> unitCodes, List<Integer> targets) {
		return this.database
			.sql("insert into campaign_unit (campaign_id, unit_id, target) select :id, unit.id, t.target "
					+ "from unnest(cast(:units as text[]), cast(:targets as integer[])) as t(code, target) "
					+ "join unit on unit.code = t.code")
			.bind("id", id)
			.bind("units", unitCodes.toArray(String[]::new))
			.bind("targets", targets.toArray(Integer[]::new))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Counts a campaign's responses per unit code, zeros included.
	 */
	Flux<Map.Entry<String, Long>> responsesPerUnit(long id) {
		return this.database.sql("""
				select u.code, (select count(*) from response r
				    where r.campaign_id = cu.campaign_id and r.unit_id = cu.unit_id) as responses
				from campaign_unit cu join unit u on u.id = cu.unit_id
				where cu.campaign_id = :id
				""")
			.bind("id", id)
			.map((row) -> Map.entry(row.get("code", String.class), row.get("responses", Long.class)))
			.all();
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
				row.get("allow_repeat", Boolean.class), row.get("rate_limit", Integer.class),
				targets(row.get("targets", String[].class)));
	}

	private static Map<String, Integer> targets(String[] pairs) {
		var targets = new LinkedHashMap<String, Integer>();
		for (String pair : pairs) {
			int at = pair.lastIndexOf('=');
			targets.put(pair.substring(0, at), Integer.valueOf(pair.substring(at + 1)));
		}
		return targets;
	}

	/**
	 * A campaign's respondent guards, checked.
	 */
	record Guards(CampaignAccess access, boolean allowRepeat, int rateLimit) {
	}

}
