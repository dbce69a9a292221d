package vn.hailong.campaign;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample-size planner over HTTP, on the units stored in PostgreSQL.
 */
@IntegrationTest
class SamplePlanIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private List<String> units;

	@BeforeEach
	void setUp() {
		this.units = new Fixtures(this.client, this.database).district();
	}

	@Test
	void proposesTheMinistryRulePerUnitByDefault() {
		this.client.get()
			.uri("/api/v1/sample-plan?units={a},{b}", this.units.get(1), this.units.get(2))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.mode")
			.isEqualTo("per-unit")
			.jsonPath("$.margin")
			.isEqualTo(0.05)
			.jsonPath("$.units[0].unit")
			.isEqualTo(this.units.get(1))
			.jsonPath("$.units[0].population")
			.isEqualTo(600)
			.jsonPath("$.units[0].target")
			.isEqualTo(240)
			.jsonPath("$.units[1].target")
			.isEqualTo(200)
			.jsonPath("$.total")
			.isEqualTo(440);
	}

	@Test
	void allocatesTheOverallSample() {
		// 1000 / (1 + 1000 × 0.1²) = 90.9 -> 91, split 600:400 -> 54.6 and 36.4 -> 55 and
		// 36
		this.client.get()
			.uri("/api/v1/sample-plan?units={a}&units={b}&mode=overall&margin=0.1", this.units.get(1),
					this.units.get(2))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.units[0].target")
			.isEqualTo(55)
			.jsonPath("$.units[1].target")
			.isEqualTo(36)
			.jsonPath("$.total")
			.isEqualTo(91);
	}

	@Test
	void rejectsBadParametersNamingEachField() {
		this.client.get()
			.uri("/api/v1/sample-plan?units=khong-co&mode=ca-hai&margin=5")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).containsExactly("units[0]", "mode", "margin"));
		this.client.get()
			.uri("/api/v1/sample-plan?units={a}&margin=nam", this.units.get(1))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("margin");
	}

}
