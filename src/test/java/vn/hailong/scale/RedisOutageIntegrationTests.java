package vn.hailong.scale;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.Instance;
import vn.hailong.PrivateRedis;
import vn.hailong.guard.ClientKeys;
import vn.hailong.guard.SharedCounters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sharing a Redis of the test's own, which the test stops half-way: the
 * respondent rate limit and the sign-in throttle then count per instance, each instance
 * going on from the count it had kept itself, with a warning in the log; respondents are
 * neither refused wholesale nor answered with 5xx, and sign-in stays throttled; the
 * health group a load balancer asks stays up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class RedisOutageIntegrationTests {

	private static final int LIMIT = 20;

	private PrivateRedis redis;

	private Instance a;

	private Instance b;

	private Fixtures fixtures;

	private String school;

	@BeforeAll
	void startRedisAndTwoInstances() {
		this.redis = PrivateRedis.start();
		Map<String, Object> settings = Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port",
				this.redis.port(), "logging.level.vn.hailong.guard", "INFO");
		this.a = Instance.start(settings);
		this.b = Instance.start(settings);
		this.fixtures = new Fixtures(this.a.admin(), this.a.context().getBean(DatabaseClient.class));
		this.school = this.fixtures.district().get(1);
	}

	@AfterAll
	void stopThem() {
		this.a.close();
		this.b.close();
		this.redis.close();
	}

	@Test
	void countsPerInstanceWithAWarningWhenRedisStops(CapturedOutput output) {
		for (Instance instance : List.of(this.a, this.b)) {
			ClientKeys keys = instance.context().getBean(ClientKeys.class);
			Flux.interval(Duration.ofMillis(20))
				.filter((tick) -> keys.sharesSecret())
				.next()
				.block(Duration.ofSeconds(30));
		}
		long campaign = this.fixtures.openCampaign("kiem-thu", List.of(this.school),
				Map.of("allowRepeat", true, "rateLimit", LIMIT));
		for (int i = 0; i < 8; i++) {
			answer(this.a, campaign).expectStatus().isCreated();
			answer(this.b, campaign).expectStatus().isCreated();
		}
		String username = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
		for (Instance instance : List.of(this.a, this.a, this.b, this.b)) {
			SeveralInstancesIntegrationTests.basic(instance, username, "wrong").expectStatus().isUnauthorized();
		}

		this.redis.stop();

		// each instance goes on from its own count of 8: 12 more each, then 429
		for (Instance instance : List.of(this.a, this.b)) {
			int accepted = 0;
			HttpStatus status;
			do {
				status = HttpStatus.valueOf(answer(instance, campaign).returnResult(String.class).getStatus().value());
				assertThat(status).isIn(HttpStatus.CREATED, HttpStatus.TOO_MANY_REQUESTS);
				accepted += (status == HttpStatus.CREATED) ? 1 : 0;
			}
			while (status == HttpStatus.CREATED && accepted <= LIMIT);
			assertThat(accepted).isEqualTo(LIMIT - 8);
			assertThat(instance.context().getBean(SharedCounters.class).degraded()).isTrue();
		}
		assertThat(this.fixtures.count("select count(*) from response where campaign_id = $1", campaign))
			.isEqualTo(16 + 2 * (LIMIT - 8));

		// A saw two failures, B two: three more on A reach A's own limit of five
		for (int i = 0; i < 3; i++) {
			SeveralInstancesIntegrationTests.basic(this.a, username, "still-wrong").expectStatus().isUnauthorized();
		}
		SeveralInstancesIntegrationTests.basic(this.a, username, "wrong-again")
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		SeveralInstancesIntegrationTests.basic(this.b, username, "wrong-on-b").expectStatus().isUnauthorized();
		SeveralInstancesIntegrationTests.basic(this.b, username, "wrong-on-b-again")
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		SeveralInstancesIntegrationTests.basic(this.b, username, "and-again").expectStatus().isUnauthorized();
		SeveralInstancesIntegrationTests.basic(this.b, username, "one-too-many")
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		assertThat(output).contains("Redis did not answer");

		// the load balancer's health group leaves Redis out: the instance still serves
		this.a.client()
			.get()
			.uri("/actuator/health/instance")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.a.client()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.components.redis.status")
			.isEqualTo("DOWN");
	}

	private WebTestClient.ResponseSpec answer(Instance instance, long campaign) {
		var body = new HashMap<String, Object>();
		body.put("id", UUID.randomUUID().toString());
		body.put("unit", this.school);
		body.put("answers", Map.of("diem", 4));
		return instance.client()
			.post()
			.uri("/api/v1/campaigns/{id}/responses", campaign)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
