package vn.hailong.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The {@link ReadDatabase}: a pool of read-only connections to the replica named by
 * {@code hailong.read-replica.url}, with the primary as fallback, or the primary alone.
 * The replica's pool is not a {@link ConnectionFactory} bean, so that everything else
 * keeps using the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfiguration {

	@Bean
	ReadDatabase readDatabase(ReplicaConnections replica, ReadReplicaProperties properties,
			ConnectionFactory connections, DatabaseClient database, TransactionalOperator transaction) {
		if (replica.pool() == null) {
			return new ReadDatabase(database, transaction, false);
		}
		var factory = new FallbackConnectionFactory(replica.pool(), connections, properties.retryAfter());
		var readOnly = new DefaultTransactionDefinition();
		readOnly.setReadOnly(true);
		return new ReadDatabase(DatabaseClient.create(factory),
				TransactionalOperator.create(new R2dbcTransactionManager(factory), readOnly), true);
	}

	@Bean(destroyMethod = "dispose")
	ReplicaConnections replicaConnections(ReadReplicaProperties replica, R2dbcProperties primary) {
		if (!replica.configured()) {
			return new ReplicaConnections(null);
		}
		boolean ownAccount = !replica.username().isBlank();
		var options = ConnectionFactoryOptions.parse(replica.url())
			.mutate()
			.option(ConnectionFactoryOptions.USER, ownAccount ? replica.username() : primary.getUsername())
			.option(ConnectionFactoryOptions.PASSWORD,
					ownAccount ? replica.password() : String.valueOf(primary.getPassword()))
			.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(2))
			.build();
		return new ReplicaConnections(
				new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
					.name("read-replica")
					.initialSize(0)
					.maxSize(replica.maxSize())
					.maxAcquireTime(Duration.ofSeconds(5))
					.validationQuery("select 1")
					.build()));
	}

	/**
	 * The replica's pool, or null when there is no replica; closed with the application
	 * context.
	 */
	record ReplicaConnections(@Nullable ConnectionPool pool) {

		void dispose() {
			if (this.pool != null) {
				this.pool.dispose();
			}
		}

	}

	/**
	 * Connections from the replica, or from the primary while the replica gives none.
	 */
	static final class FallbackConnectionFactory implements ConnectionFactory {

		private static final Logger logger = LoggerFactory.getLogger(FallbackConnectionFactory.class);

		private final ConnectionFactory replica;

		private final ConnectionFactory primary;

		private final Duration retryAfter;

		private final AtomicLong primaryUntil = new AtomicLong(System.nanoTime());

		FallbackConnectionFactory(ConnectionFactory replica, ConnectionFactory primary, Duration retryAfter) {
			this.replica = replica;
			this.primary = primary;
			this.retryAfter = retryAfter;
		}

		@Override
		public Publisher<? extends Connection> create() {
			return Mono.defer(() -> {
				if (System.nanoTime() - this.primaryUntil.get() < 0) {
					return Mono.from(this.primary.create());
				}
				return Mono.<Connection>from(this.replica.create()).onErrorResume((ex) -> {
					logger.warn("The read replica gives no connection ({}); reading from the primary for {}",
							String.valueOf(ex), this.retryAfter);
					this.primaryUntil.set(System.nanoTime() + this.retryAfter.toNanos());
					return Mono.from(this.primary.create());
				});
			});
		}

		@Override
		public ConnectionFactoryMetadata getMetadata() {
			return this.replica.getMetadata();
		}

	}

}
