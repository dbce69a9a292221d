package vn.hailong.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A read-only copy of the database (a PostgreSQL streaming replica) for reports, results
 * and exports.
 *
 * @param url its R2DBC URL, e.g. {@code r2dbc:postgresql://replica:5432/hailong}; blank:
 * there is none, and everything reads from the primary ({@code spring.r2dbc.url})
 * @param username its account; blank: the primary's
 * @param password its password; blank with a blank username: the primary's
 * @param maxSize connections in its pool
 * @param retryAfter how long, after the replica failed to give a connection, reads go to
 * the primary before the replica is tried again
 */
@ConfigurationProperties("hailong.read-replica")
record ReadReplicaProperties(@DefaultValue("") String url, @DefaultValue("") String username,
		@DefaultValue("") String password, @DefaultValue("10") int maxSize, @DefaultValue("10s") Duration retryAfter) {

	boolean configured() {
		return !this.url.isBlank();
	}

}
