package vn.hailong.guard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The per-browser marker: a random, opaque token in a cookie that the survey page sets
 * and both intake paths read, so that a campaign can take one response per browser. The
 * database keeps only a SHA-256 of it together with the campaign and unit, which cannot
 * be matched across campaigns or units.
 *
 * <p>
 * The cookie is {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} over HTTPS, and
 * sent only to the survey pages ({@code /s/}) and the intake API
 * ({@code /api/v1/campaigns/}). It stops a repeat by accident or on a whim, not a
 * determined one: clearing cookies or another browser gets a new marker, which is what
 * the rate limit is for.
 */
@Component
public class BrowserMarkers {

	/** The cookie's name. */
	public static final String COOKIE = "hl_marker";

	static final List<String> PATHS = List.of("/s/", "/api/v1/campaigns/");

	private static final Duration MAX_AGE = Duration.ofDays(365);

	private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{22}$");

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private static final byte[] DOMAIN = "hailong:browser-marker:v1".getBytes(StandardCharsets.UTF_8);

	private final SecureRandom random = new SecureRandom();

	private final ClientKeys clients;

	BrowserMarkers(ClientKeys clients) {
		this.clients = clients;
	}

	/**
	 * Returns the marker the browser sent, if it is well-formed.
	 * @param exchange the request and response
	 * @return the marker, or null
	 */
	public String read(ServerWebExchange exchange) {
		for (HttpCookie cookie : exchange.getRequest().getCookies().getOrDefault(COOKIE, List.of())) {
			if (FORMAT.matcher(cookie.getValue()).matches()) {
				return cookie.getValue();
			}
		}
		return null;
	}

	/**
	 * Returns the marker the browser sent, or makes a new one and sets its cookie on the
	 * response.
	 * @param exchange the request and response
	 * @return the marker
	 */
	public String ensure(ServerWebExchange exchange) {
		String marker = read(exchange);
		if (marker != null) {
			return marker;
		}
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		marker = BASE64.encodeToString(bytes);
		boolean secure = this.clients.isSecure(exchange.getRequest());
		for (String path : PATHS) {
			exchange.getResponse()
				.addCookie(ResponseCookie.from(COOKIE, marker)
					.path(path)
					.maxAge(MAX_AGE)
					.httpOnly(true)
					.secure(secure)
					.sameSite("Lax")
					.build());
		}
		return marker;
	}

	/**
	 * Hashes a marker for one campaign and unit: what the database keeps.
	 * @param marker the marker
	 * @param campaign the campaign's id
	 * @param unit the unit's code
	 * @return SHA-256 over a fixed label, the campaign, the unit and the marker
	 */
	public static byte[] hash(String marker, long campaign, String unit) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(DOMAIN);
			digest.update(ByteBuffer.allocate(Long.BYTES).putLong(campaign).array());
			byte[] unitBytes = unit.getBytes(StandardCharsets.UTF_8);
			digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(unitBytes.length).array());
			digest.update(unitBytes);
			return digest.digest(marker.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
