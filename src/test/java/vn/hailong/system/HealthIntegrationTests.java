package vn.hailong.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;

/**
 * The health endpoint reports the database to signed-in staff, and only UP or DOWN to
 * anyone else.
 */
@IntegrationTest
class HealthIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void reportsDatabaseUp() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.details.database")
			.isEqualTo("PostgreSQL");
	}

	@Test
	void showsAnAnonymousCallerStatusesButNoDetails() {
		new StaffFixtures(this.client).anonymous()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.details")
			.doesNotExist()
			.jsonPath("$..details")
			.doesNotExist();
	}

}
