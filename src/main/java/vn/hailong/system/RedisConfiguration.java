package vn.hailong.system;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis, when it is configured (see {@link RedisSwitch}): staff sessions (Spring
 * Session's reactive Redis repository, made by Spring Boot), and the counts of the rate
 * limit and the sign-in throttle ({@code vn.hailong.guard.SharedCounters}). While Redis
 * is disconnected, commands fail at once instead of waiting for it, so that the limits
 * fall back to per-instance counting without delaying anyone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RedisSwitch.ENABLED, havingValue = "true")
class RedisConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
