package vn.hailong.guard;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;

/**
 * The problems a guard answers with; each kind has its own type URI and page message.
 */
public final class Refusals {

	/** The kind of {@link #alreadyAnswered}. */
	public static final String ALREADY_ANSWERED = "already-answered";

	/** The kind of {@link #rateLimited}. */
	public static final String RATE_LIMITED = "rate-limited";

	/** The kind of {@link #automated}. */
	public static final String AUTOMATED = "automated-submission";

	private Refusals() {
	}

	/**
	 * A second response from a browser that already answered this campaign for this unit.
	 * @param campaign the campaign's id
	 * @param unit the unit's code
	 * @return the problem, 409
	 */
	public static ApiException alreadyAnswered(long campaign, String unit) {
		return new ApiException(
				HttpStatus.CONFLICT, ALREADY_ANSWERED, "Already answered", "This browser has already answered campaign "
						+ campaign + " for unit '" + unit + "'; the campaign takes one response per browser",
				List.of());
	}

	/**
	 * Too many accepted responses from one client address in the current hour.
	 * @param limit the campaign's limit per hour
	 * @param retryAfter how long until the limit lifts
	 * @return the problem, 429 with {@code Retry-After} in whole seconds
	 */
	public static ApiException rateLimited(int limit, Duration retryAfter) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		var headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return new ApiException(
				HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, "Too many responses", "This campaign accepts at most "
						+ limit + " responses per hour from one network address; " + "try again in " + seconds + " s",
				List.of(), headers);
	}

	/**
	 * A submission that filled in the hidden field people never see.
	 * @return the problem, 400
	 */
	public static ApiException automated() {
		return new ApiException(HttpStatus.BAD_REQUEST, AUTOMATED, "Submission looks automated",
				"The hidden field 'website', which people leave empty, was filled in; nothing was stored",
				List.of(new FieldProblem("website", "must_be_empty", "this hidden field must stay empty")));
	}

}
