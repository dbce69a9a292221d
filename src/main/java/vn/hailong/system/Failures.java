package vn.hailong.system;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Classifies failures that are not the request's fault: the database being out of reach
 * (answered 503 with {@code Retry-After}) and a body over the buffer limit (413).
 */
final class Failures {

	/**
	 * PostgreSQL's codes for a server that is going away or not taking connections:
	 * admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, and the
	 * connection_exception class 08.
	 */
	private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

	/**
	 * PostgreSQL's codes for text it cannot store (character_not_in_repertoire,
	 * untranslatable_character): the gates in {@link Texts} should keep them out.
	 */
	private static final Set<String> UNSTORABLE_TEXT_STATES = Set.of("22021", "22P05");

	private Failures() {
	}

	static boolean databaseUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof R2dbcNonTransientResourceException || cause instanceof R2dbcTransientResourceException
					|| cause instanceof R2dbcTimeoutException || cause instanceof ConnectException
					|| cause instanceof ClosedChannelException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
					|| cause instanceof TimeoutException || isPoolTimeout(cause)) {
				return true;
			}
			if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null
					&& (r2dbc.getSqlState().startsWith("08") || UNAVAILABLE_STATES.contains(r2dbc.getSqlState()))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	static boolean unstorableText(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof R2dbcException r2dbc && UNSTORABLE_TEXT_STATES.contains(r2dbc.getSqlState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	static boolean tooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static boolean isPoolTimeout(Throwable cause) {
		return cause.getClass().getName().equals("reactor.pool.PoolAcquireTimeoutException");
	}

}
