package vn.hailong.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.BrowserExtension;
import vn.hailong.BrowserExtension.Browsing;
import vn.hailong.Chromium;
import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The dashboard in a real headless Chromium: its script follows the open campaigns over
 * one EventSource and rewrites the numbers and the "Chậm" mark when a response arrives.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class ProgressDashboardBrowserTests {

	private Browsing browsing;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private BrowserContext context;

	@Test
	void updatesCountsAndBehindMarkLiveAsResponsesArrive() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		String school = units.get(1);
		Instant now = Instant.now();
		// nine tenths of the window past, target 2: floor(0.8 x 2 x 0.9) = 1 response
		// expected by now
		long campaign = fixtures.draftCampaign("kiem-thu", List.of(school), now.minus(Duration.ofDays(9)),
				now.plus(Duration.ofDays(1)));
		this.client.post().uri("/api/v1/campaigns/{id}/open", campaign).exchange().expectStatus().isOk();
		this.database.sql("update campaign_unit set target = 2 where campaign_id = $1")
			.bind(0, campaign)
			.fetch()
			.rowsUpdated()
			.block();
		// the district's manager: an administrator's dashboard holds every campaign of
		// the test run
		String username = new StaffFixtures(this.client).member(Role.UNIT_MANAGER, units.get(0));
		this.context = this.browsing.open();
		Page page = this.context.newPage();
		Chromium.signIn(page, "http://localhost:" + this.port, username, StaffFixtures.PASSWORD);
		var row = page.locator("#campaign-" + campaign + " tr[data-unit='" + school + "']");
		assertThat(row.locator("[data-field='responses']")).hasText("0");
		assertThat(row.locator("[data-field='status']")).hasText("Chậm");
		assertThat(row).hasClass("behind");
		// the script marks the page once the stream's first event has come
		assertThat(page.locator("main")).hasAttribute("data-stream", "live");
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", school, "answers", Map.of("diem", 5)))
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(row.locator("[data-field='responses']")).hasText("1");
		assertThat(row.locator("[data-field='percent']")).hasText("50,0");
		assertThat(row.locator("[data-field='status']")).hasText("Đúng tiến độ");
		assertThat(row).not().hasClass("behind");
		assertThat(page.locator("#campaign-" + campaign + " [data-total='unitsBehind']")).hasText("0");
	}

}
