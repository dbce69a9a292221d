package vn.hailong.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Chromium;
import vn.hailong.Fixtures;
import vn.hailong.StaffTestConfiguration;
import vn.hailong.TcpProxy;
import vn.hailong.TestDatabase;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database outage, made by cutting a TCP proxy between the service and the run's
 * PostgreSQL (never stopping the shared server): intake answers 503
 * {@code service-unavailable} with {@code Retry-After} for the whole outage and stores
 * nothing, {@code /actuator/health} answers DOWN within its bound, the page's outbox
 * keeps the response and sends it once the database is back (headless Chromium), and
 * every response is stored exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hailong.templates.directories=survey-templates,src/test/resources/test-templates",
				"hailong.admin.username=" + StaffTestConfiguration.ADMIN_USERNAME,
				"hailong.admin.password=" + StaffTestConfiguration.ADMIN_PASSWORD,
				"hailong.login.failures-per-client=100000", "spring.r2dbc.pool.max-acquire-time=3s",
				"spring.r2dbc.pool.max-create-connection-time=3s", "spring.r2dbc.pool.initial-size=1",
				"hailong.health.database-timeout=1s" })
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = DatabaseOutageIntegrationTests.ThroughProxy.class)
@Import(StaffTestConfiguration.class)
class DatabaseOutageIntegrationTests {

	private static final TcpProxy PROXY = TcpProxy.start(TestDatabase.get().host(), TestDatabase.get().port());

	private static Chromium chromium;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	private DatabaseClient direct;

	private String school;

	private long campaign;

	@BeforeEach
	void setUp() {
		PROXY.restore();
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
		this.direct = DatabaseClient.create(new io.r2dbc.postgresql.PostgresqlConnectionFactory(
				io.r2dbc.postgresql.PostgresqlConnectionConfiguration.builder()
					.host(TestDatabase.get().host())
					.port(TestDatabase.get().port())
					.database(TestDatabase.get().database())
					.username(TestDatabase.get().username())
					.password(TestDatabase.get().password())
					.build()));
		var fixtures = new Fixtures(this.client, this.direct);
		this.school = fixtures.district().get(1);
		this.campaign = fixtures.openCampaign("kiem-thu", List.of(this.school), Map.of("allowRepeat", true));
	}

	@AfterEach
	void restore() {
		PROXY.restore();
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void answers503WithRetryAfterDuringTheOutageAndStoresOnceAfterwards() {
		UUID id = UUID.randomUUID();
		PROXY.cut();
		for (int attempt = 0; attempt < 3; attempt++) {
			EntityExchangeResult<byte[]> refused = submit(id).expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.exists(HttpHeaders.RETRY_AFTER)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://hailong.vn/problems/service-unavailable")
				.returnResult();
			assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
		}
		long started = System.nanoTime();
		anonymous().get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("DOWN");
		System.out.printf("database outage: /actuator/health answered DOWN in %d ms%n",
				(System.nanoTime() - started) / 1_000_000);
		assertThat(stored(id)).isZero();

		PROXY.restore();
		int status = 0;
		for (int attempt = 0; attempt < 10 && status != 201; attempt++) {
			status = submit(id).returnResult(byte[].class).getStatus().value();
			assertThat(status).isIn(201, 503);
		}
		assertThat(status).isEqualTo(201);
		submit(id).expectStatus().isOk();
		assertThat(stored(id)).isOne();
		anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	@Test
	void boundsTheHealthCheckWhenTheDatabaseStopsAnswering() {
		anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk();
		PROXY.stall();
		try {
			long started = System.nanoTime();
			anonymous().mutate()
				.responseTimeout(Duration.ofSeconds(15))
				.build()
				.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectBody()
				.jsonPath("$.components.r2dbc.status")
				.isEqualTo("DOWN");
			System.out.printf("database not answering: /actuator/health answered DOWN in %d ms%n",
					(System.nanoTime() - started) / 1_000_000);
		}
		finally {
			PROXY.resume();
			PROXY.cut();
			PROXY.restore();
		}
		int status = 0;
		for (int attempt = 0; attempt < 10 && status != 200; attempt++) {
			status = anonymous().get()
				.uri("/actuator/health")
				.exchange()
				.returnResult(byte[].class)
				.getStatus()
				.value();
		}
		assertThat(status).isEqualTo(200);
	}

	@Test
	void thePagesOutboxKeepsTheResponseThrough503AndSendsItOnce() {
		if (chromium == null) {
			chromium = Chromium.launch();
		}
		BrowserContext context = chromium.phone(true);
		try {
			Page page = context.newPage();
			page.navigate("http://localhost:" + this.port + "/s/" + this.campaign + "/" + this.school);
			page.waitForFunction("() => navigator.serviceWorker.controller !== null");
			page.locator("#item-diem input[value='5']").check();
			page.locator(".nav .next").click();
			String id = page.locator("input[name=id]").inputValue();
			PROXY.cut();
			page.locator("button[type=submit]").click();
			assertThat(page.locator("#status")).containsText("phiếu đã được lưu trên điện thoại này");
			assertThat(page.locator("#status")).hasAttribute("data-state", "waiting");
			assertThat(page.locator("#thanks")).isHidden();
			assertThat(stored(UUID.fromString(id))).isZero();
			PROXY.restore();
			page.evaluate("() => window.dispatchEvent(new Event('online'))");
			assertThat(page.locator("#thanks")).isVisible();
			assertThat(stored(UUID.fromString(id))).isOne();
		}
		finally {
			context.close();
		}
	}

	/**
	 * A health probe sends no credentials (a token would be looked up in the database).
	 */
	private WebTestClient anonymous() {
		return this.client.mutate().defaultHeaders((headers) -> headers.remove(HttpHeaders.AUTHORIZATION)).build();
	}

	private WebTestClient.ResponseSpec submit(UUID id) {
		var body = new HashMap<String, Object>();
		body.put("id", id.toString());
		body.put("unit", this.school);
		body.put("answers", Map.of("diem", 4));
		return this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", this.campaign)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private long stored(UUID id) {
		return this.direct.sql("select count(*) from response where id = $1")
			.bind(0, id)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	/**
	 * The run's database, with the service's R2DBC connections going through the proxy
	 * (Flyway migrates directly).
	 */
	static class ThroughProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			var properties = new HashMap<String, Object>(TestDatabase.get().springProperties());
			properties.put("spring.r2dbc.url",
					"r2dbc:postgresql://127.0.0.1:" + PROXY.port() + "/" + TestDatabase.get().database());
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("throughProxy", properties));
		}

	}

}
