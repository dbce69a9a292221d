package vn.hailong.guard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the instances of the service share counts in Redis, when {@code spring.data.redis}
 * is configured.
 *
 * @param enabled whether Redis is configured (set by the service from
 * {@code spring.data.redis.*}, not by hand)
 * @param keyPrefix what every key this service writes starts with, so that several
 * deployments (or test runs) can share one Redis
 * @param timeout how long a count may take before the instance counts on its own for that
 * request
 */
@ConfigurationProperties("hailong.redis")
record SharedStateProperties(@DefaultValue("false") boolean enabled, @DefaultValue("hailong:") String keyPrefix,
		@DefaultValue("500ms") Duration timeout) {
}
