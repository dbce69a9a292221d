package vn.hailong.scale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

import vn.hailong.Fixtures;
import vn.hailong.Instance;
import vn.hailong.PrivatePostgres;
import vn.hailong.system.ReadDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports and results from a streaming replica: a primary and its replica of the test's
 * own (initdb, pg_basebackup), the service writing to the primary and reading reports and
 * results from the replica. While the replica's replay is paused, the report and the
 * results lag behind the primary (so they come from the replica), the live progress does
 * not; once the replica catches up they agree; when the replica stops, the primary
 * answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadReplicaIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private PrivatePostgres postgres;

	private Instance instance;

	private Fixtures fixtures;

	@BeforeAll
	void startPrimaryReplicaAndService() {
		this.postgres = PrivatePostgres.start();
		this.instance = Instance.start(Map.of("spring.r2dbc.url", this.postgres.primaryR2dbcUrl(),
				"spring.r2dbc.username", "postgres", "spring.r2dbc.password", "", "spring.flyway.url",
				this.postgres.primaryJdbcUrl("hailong"), "spring.flyway.user", "postgres", "spring.flyway.password", "",
				"hailong.read-replica.url", this.postgres.replicaR2dbcUrl(), "hailong.report.minimum-cell-size", 1));
		this.fixtures = new Fixtures(this.instance.admin(), this.instance.context().getBean(DatabaseClient.class));
	}

	@AfterAll
	void stopThem() {
		if (this.instance != null) {
			this.instance.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void servesReportsAndResultsFromTheReplicaAndFallsBackToThePrimary() throws SQLException {
		assertThat(this.instance.context().getBean(ReadDatabase.class).replica()).isTrue();
		List<String> units = this.fixtures.district();
		String plan = "kh-" + UUID.randomUUID().toString().substring(0, 8);
		this.instance.admin()
			.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(String.join("\n", "code: " + plan, "issuer: Phòng GD&ĐT kiểm thử", "year: 2025",
					"title: Kế hoạch kiểm thử bản sao", "indicators:", "  - ref: hl", "    name: Mức độ hài lòng chung",
					"    comparator: '>='", "    target: 80", "    survey:", "      template: kiem-thu",
					"      item: diem", "      method: satisfied-answers", ""))
			.exchange()
			.expectStatus()
			.isCreated();
		long campaign = this.fixtures.openCampaign("kiem-thu", List.of(units.get(1)), Map.of("allowRepeat", true));
		answer(campaign, units.get(1), 3);
		awaitReplicaCaughtUp();
		assertThat(reportResponses(plan)).isEqualTo(3);
		assertThat(resultsResponses(campaign)).isEqualTo(3);

		execute(this.postgres.replicaJdbcUrl(), "select pg_wal_replay_pause()");
		Flux.interval(Duration.ofMillis(50))
			.filter((tick) -> "paused".equals(replayState()))
			.next()
			.block(Duration.ofSeconds(60));
		answer(campaign, units.get(1), 2);
		assertThat(progressResponses(campaign)).as("live progress reads the primary").isEqualTo(5);
		assertThat(reportResponses(plan)).as("the report reads the paused replica").isEqualTo(3);
		assertThat(resultsResponses(campaign)).as("the results read the paused replica").isEqualTo(3);

		execute(this.postgres.replicaJdbcUrl(), "select pg_wal_replay_resume()");
		awaitReplicaCaughtUp();
		assertThat(reportResponses(plan)).isEqualTo(5);

		this.postgres.stopReplica();
		answer(campaign, units.get(1), 1);
		assertThat(reportResponses(plan)).as("the primary answers while the replica is down").isEqualTo(6);
		assertThat(resultsResponses(campaign)).isEqualTo(6);
		this.instance.admin()
			.get()
			.uri("/api/v1/plans/{plan}/report?period=2025-Q1&format=csv", plan)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void answer(long campaign, String unit, int count) {
		for (int i = 0; i < count; i++) {
			var body = new HashMap<String, Object>();
			body.put("id", UUID.randomUUID().toString());
			body.put("unit", unit);
			body.put("answers", Map.of("diem", 5));
			this.instance.client()
				.post()
				.uri("/api/v1/campaigns/{id}/responses", campaign)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isCreated();
		}
	}

	@SuppressWarnings("unchecked")
	private long reportResponses(String plan) {
		var indicators = (List<Map<String, Object>>) get("/api/v1/plans/{plan}/report?period=2025-Q1", plan)
			.get("indicators");
		return responses(indicators.get(0).get("overall"));
	}

	private long resultsResponses(long campaign) {
		return responses(get("/api/v1/campaigns/{id}/results", campaign).get("overall"));
	}

	private long progressResponses(long campaign) {
		return responses(get("/api/v1/campaigns/{id}/progress", campaign).get("totals"));
	}

	private Map<String, Object> get(String uri, Object variable) {
		return this.instance.admin()
			.get()
			.uri(uri, variable)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static long responses(Object counts) {
		return ((Number) ((Map<String, Object>) counts).get("responses")).longValue();
	}

	/**
	 * Waits until the replica has replayed everything the primary has written so far.
	 */
	private void awaitReplicaCaughtUp() throws SQLException {
		String target = query(this.postgres.primaryJdbcUrl("hailong"), "select pg_current_wal_lsn()::text");
		Flux.interval(Duration.ofMillis(50)).filter((tick) -> caughtUp(target)).next().block(Duration.ofSeconds(60));
	}

	private boolean caughtUp(String target) {
		try {
			return "true".equals(query(this.postgres.replicaJdbcUrl(),
					"select (pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn)::text"));
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private String replayState() {
		try {
			return query(this.postgres.replicaJdbcUrl(), "select pg_get_wal_replay_pause_state()");
		}
		catch (SQLException ex) {
			return "unknown";
		}
	}

	private static String query(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				ResultSet row = connection.createStatement().executeQuery(sql)) {
			row.next();
			return row.getString(1);
		}
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
			connection.createStatement().execute(sql);
		}
	}

}
