package vn.hailong.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Uses Redis only when it is configured: without {@code spring.data.redis.host},
 * {@code url}, {@code sentinel.master} or {@code cluster.nodes}, Spring Boot's Redis and
 * Redis-session auto-configurations are left out, so that one instance needs nothing but
 * PostgreSQL (sessions in memory, limits counted per instance, no Redis health check).
 * Sets {@code hailong.redis.enabled} to say which it is.
 */
class RedisSwitch implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = "hailong.redis.enabled";

	private static final List<String> SIGNS = List.of("spring.data.redis.host", "spring.data.redis.url",
			"spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes");

	private static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionsEndpointAutoConfiguration",
			"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean configured = SIGNS.stream().anyMatch((name) -> StringUtils.hasText(environment.getProperty(name)));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(ENABLED, Boolean.toString(configured));
		if (!configured) {
			var excluded = new ArrayList<String>();
			String already = environment.getProperty("spring.autoconfigure.exclude");
			if (StringUtils.hasText(already)) {
				excluded.add(already);
			}
			excluded.addAll(REDIS_AUTO_CONFIGURATIONS);
			properties.put("spring.autoconfigure.exclude", String.join(",", excluded));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("hailongRedisSwitch", properties));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
