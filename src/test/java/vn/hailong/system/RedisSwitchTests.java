package vn.hailong.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis only when it is configured: without {@code spring.data.redis.host} or
 * {@code url}, Spring Boot's Redis and Redis-session auto-configurations are left out.
 */
class RedisSwitchTests {

	@Test
	void leavesRedisOutWhenItIsNotConfigured() {
		var environment = new MockEnvironment().withProperty("spring.data.redis.timeout", "500ms")
			.withProperty("spring.autoconfigure.exclude", "com.example.Other");
		new RedisSwitch().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("hailong.redis.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("spring.autoconfigure.exclude")).startsWith("com.example.Other,")
			.contains("org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
					"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
					"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration");
	}

	@Test
	void usesRedisWhenAHostOrAUrlIsConfigured() {
		for (String property : new String[] { "spring.data.redis.host", "spring.data.redis.url" }) {
			var environment = new MockEnvironment().withProperty(property, "redis");
			new RedisSwitch().postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getProperty("hailong.redis.enabled")).isEqualTo("true");
			assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
		}
	}

}
