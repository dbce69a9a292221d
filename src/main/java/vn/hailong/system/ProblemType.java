package vn.hailong.system;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The catalogue of problem kinds the service answers with that the system itself raises:
 * each with its stable type URI, HTTP status, title and what a client should do (the
 * README's table of problem types lists these and the features' own kinds).
 */
public enum ProblemType {

	/** Fields break the rules; each is named in {@code errors}. Fix and resend. */
	INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request", Retry.NO),

	/** The body is not JSON (or a form) of the expected shape. Fix and resend. */
	UNREADABLE_REQUEST("unreadable-request", HttpStatus.BAD_REQUEST, "Unreadable request", Retry.NO),

	/** An upload is not UTF-8 text. Save it as "CSV UTF-8" and send it again. */
	INVALID_ENCODING("invalid-encoding", HttpStatus.BAD_REQUEST, "Text not in UTF-8", Retry.NO),

	/** The body is larger than the service reads. Send less. */
	PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request too large", Retry.NO),

	/** The change conflicts with stored data. Do not resend unchanged. */
	CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict", Retry.NO),

	/** A signed-in session's change lacks its CSRF token, or the member may not do it. */
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed", Retry.NO),

	/** The member must change their password before anything else. */
	PASSWORD_CHANGE_REQUIRED("password-change-required", HttpStatus.FORBIDDEN, "Password change required", Retry.NO),

	/**
	 * The database cannot be reached; nothing was stored. Resend the same request after
	 * {@code Retry-After} seconds.
	 */
	SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", Retry.YES),

	/** A fault of the service; nothing was acknowledged. Do not resend in a loop. */
	INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", Retry.NO);

	private static final String TYPE_BASE = "https://hailong.vn/problems/";

	private final String kind;

	private final HttpStatus status;

	private final String title;

	private final Retry retry;

	ProblemType(String kind, HttpStatus status, String title, Retry retry) {
		this.kind = kind;
		this.status = status;
		this.title = title;
		this.retry = retry;
	}

	/**
	 * The last part of the type URI, such as {@code invalid-request}.
	 * @return the kind
	 */
	public String kind() {
		return this.kind;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/**
	 * Whether resending the same request later may succeed.
	 * @return the advice
	 */
	public Retry retry() {
		return this.retry;
	}

	public URI type() {
		return URI.create(TYPE_BASE + this.kind);
	}

	/**
	 * Whether a client should resend the same request.
	 */
	public enum Retry {

		/** Resend the same request later, after {@code Retry-After} when given. */
		YES,

		/** Resending the same request gives the same answer. */
		NO

	}

}
