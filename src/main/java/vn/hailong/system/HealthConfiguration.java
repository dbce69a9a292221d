package vn.hailong.system;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database check of {@code /actuator/health}, bounded in time: under load or during
 * an outage it waits at most {@code hailong.health.database-timeout} (default 2 s) for a
 * connection and the check, then reports the database {@code DOWN} (the endpoint answers
 * 503) instead of hanging.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	/**
	 * Replaces Spring Boot's own {@code r2dbc} indicator (same name, same details when
	 * up).
	 */
	@Bean
	ReactiveHealthIndicator r2dbcHealthIndicator(ConnectionFactory connectionFactory,
			@Value("${hailong.health.database-timeout:2s}") Duration timeout) {
		var check = new ConnectionFactoryHealthIndicator(connectionFactory);
		return () -> check.health()
			.timeout(timeout,
					Mono.fromSupplier(() -> Health.down()
						.withDetail("database", "PostgreSQL")
						.withDetail("error", "no answer within " + timeout.toMillis() + " ms")
						.build()));
	}

}
