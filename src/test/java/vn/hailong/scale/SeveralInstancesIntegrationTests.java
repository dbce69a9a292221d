package vn.hailong.scale;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import vn.hailong.Fixtures;
import vn.hailong.Instance;
import vn.hailong.StaffTestConfiguration;
import vn.hailong.guard.ClientKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service, A and B, on two ports against one PostgreSQL database and
 * the Redis on this machine (127.0.0.1:6379, or {@code HAILONG_TEST_REDIS_HOST} and
 * {@code _PORT}), as behind a load balancer: a session made on one is known to the other
 * and outlives a restart, the respondent rate limit and the sign-in throttle count for
 * both together, and a live progress stream on A hears of a response posted to B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralInstancesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	private Instance a;

	private Instance b;

	private Fixtures fixtures;

	private List<String> units;

	@BeforeAll
	void startTwoInstances() {
		Map<String, Object> redis = Map.of("spring.data.redis.host",
				System.getenv().getOrDefault("HAILONG_TEST_REDIS_HOST", "127.0.0.1"), "spring.data.redis.port",
				System.getenv().getOrDefault("HAILONG_TEST_REDIS_PORT", "6379"), "hailong.redis.key-prefix",
				"hailong-test-" + UUID.randomUUID() + ":", "spring.session.data.redis.namespace",
				"hailong-test-" + UUID.randomUUID() + ":session");
		this.a = Instance.start(redis);
		this.b = Instance.start(redis);
		this.fixtures = new Fixtures(this.a.admin(), this.a.context().getBean(DatabaseClient.class));
		this.units = this.fixtures.district();
	}

	@AfterAll
	void stopThem() {
		this.a.close();
		this.b.close();
	}

	@Test
	void recognisesOnOneInstanceAStaffMemberWhoSignedInOnTheOther() {
		String session = signIn(this.a);
		for (Instance instance : List.of(this.a, this.b)) {
			instance.client()
				.get()
				.uri("/api/v1/me")
				.cookie("HL_SESSION", session)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.username")
				.isEqualTo(StaffTestConfiguration.ADMIN_USERNAME);
		}
		this.b.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void keepsTheSessionWhenAnInstanceRestarts() {
		String session = signIn(this.b);
		this.a = this.a.restart();
		this.a.client().get().uri("/console/account").cookie("HL_SESSION", session).exchange().expectStatus().isOk();
		this.a.client()
			.get()
			.uri("/api/v1/me")
			.cookie("HL_SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.username")
			.isEqualTo(StaffTestConfiguration.ADMIN_USERNAME);
	}

	@Test
	void holdsTheRespondentLimitOfSixtyAnHourAcrossBothInstancesTogether() {
		awaitSharedClientKeys();
		long campaign = this.fixtures.openCampaign("kiem-thu", List.of(this.units.get(1)), Map.of("allowRepeat", true));
		for (int i = 0; i < 60; i++) {
			Instance instance = (i % 2 == 0) ? this.a : this.b;
			answer(instance, campaign).expectStatus().isCreated();
		}
		for (Instance instance : List.of(this.a, this.b)) {
			answer(instance, campaign).expectStatus()
				.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://hailong.vn/problems/rate-limited");
		}
		assertThat(this.fixtures.count("select count(*) from response where campaign_id = $1", campaign)).isEqualTo(60);
	}

	@Test
	void throttlesSignInForBothInstancesTogether() {
		awaitSharedClientKeys();
		String username = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
		// five failures (hailong.login.failures-per-username), three on A and two on B
		for (int i = 0; i < 5; i++) {
			basic((i < 3) ? this.a : this.b, username, "wrong-password-" + i).expectStatus().isUnauthorized();
		}
		for (Instance instance : List.of(this.a, this.b)) {
			basic(instance, username, "another-wrong-one").expectStatus()
				.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://hailong.vn/problems/too-many-sign-in-attempts");
		}
	}

	@Test
	void streamsToAViewerOnOneInstanceTheResponsesPostedToTheOther() {
		long campaign = this.fixtures.openCampaign("kiem-thu", List.of(this.units.get(1), this.units.get(2)));
		Flux<Map<String, Object>> updates = this.a.admin()
			.get()
			.uri("/api/v1/campaigns/{id}/progress", campaign)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.filter((event) -> event.data() != null)
			.map(ServerSentEvent::data);
		StepVerifier.create(updates)
			.assertNext((progress) -> assertThat(totals(progress)).containsEntry("responses", 0))
			.then(() -> answer(this.b, campaign).expectStatus().isCreated())
			.assertNext((progress) -> assertThat(totals(progress)).containsEntry("responses", 1))
			.then(() -> answer(this.b, campaign).expectStatus().isCreated())
			.assertNext((progress) -> assertThat(totals(progress)).containsEntry("responses", 2))
			.thenCancel()
			.verify(Duration.ofSeconds(30));
	}

	/**
	 * Signs in with the console's form and returns the new session's id.
	 */
	static String signIn(Instance instance) {
		var login = instance.client().get().uri("/console/login").exchange().expectBody(String.class).returnResult();
		var matcher = CSRF.matcher(login.getResponseBody());
		assertThat(matcher.find()).as("a _csrf field").isTrue();
		ResponseCookie anonymous = login.getResponseCookies().getFirst("HL_SESSION");
		var form = new LinkedMultiValueMap<String, String>();
		form.add("username", StaffTestConfiguration.ADMIN_USERNAME);
		form.add("password", StaffTestConfiguration.ADMIN_PASSWORD);
		form.add("_csrf", matcher.group(1));
		var signedIn = instance.client()
			.post()
			.uri("/console/login")
			.cookie("HL_SESSION", anonymous.getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/console")
			.expectBody()
			.returnResult();
		ResponseCookie session = signedIn.getResponseCookies().getFirst("HL_SESSION");
		assertThat(session).isNotNull();
		assertThat(session.getValue()).isNotEqualTo(anonymous.getValue());
		return session.getValue();
	}

	static WebTestClient.ResponseSpec basic(Instance instance, String username, String password) {
		return instance.client()
			.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBasicAuth(username, password))
			.exchange();
	}

	private WebTestClient.ResponseSpec answer(Instance instance, long campaign) {
		var body = new HashMap<String, Object>();
		body.put("id", UUID.randomUUID().toString());
		body.put("unit", this.units.get(1));
		body.put("answers", Map.of("diem", 4));
		return instance.client()
			.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/**
	 * Waits until both instances key clients with the day's secret from Redis, which each
	 * fetches just after it starts.
	 */
	private void awaitSharedClientKeys() {
		for (Instance instance : List.of(this.a, this.b)) {
			ClientKeys keys = instance.context().getBean(ClientKeys.class);
			Flux.interval(Duration.ofMillis(20))
				.filter((tick) -> keys.sharesSecret())
				.next()
				.block(Duration.ofSeconds(30));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> totals(Map<String, Object> progress) {
		return (Map<String, Object>) progress.get("totals");
	}

}
