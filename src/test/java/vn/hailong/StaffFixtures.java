package vn.hailong;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.access.Role;

/**
 * Clients signed in as staff members of a given role and unit, made through the API, and
 * an anonymous client.
 */
public final class StaffFixtures {

	/** The password of every member these fixtures make. */
	public static final String PASSWORD = "long-enough-passphrase-42";

	private final WebTestClient administrator;

	public StaffFixtures(WebTestClient administrator) {
		this.administrator = administrator;
	}

	/**
	 * A client without credentials.
	 */
	public WebTestClient anonymous() {
		return this.administrator.mutate()
			.defaultHeaders((headers) -> headers.remove(HttpHeaders.AUTHORIZATION))
			.build();
	}

	/**
	 * Makes a member and returns a client that sends their personal API token.
	 * @param role the member's role
	 * @param unitCode the member's unit; {@code null} for administrators
	 * @return the client
	 */
	public WebTestClient clientFor(Role role, String unitCode) {
		String username = member(role, unitCode);
		Map<?, ?> token = anonymous().post()
			.uri("/api/v1/tokens")
			.headers((headers) -> headers.setBasicAuth(username, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "test"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return this.administrator.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth((String) token.get("token")))
			.build();
	}

	/**
	 * Makes a member with {@link #PASSWORD}.
	 * @return the member's username
	 */
	public String member(Role role, String unitCode) {
		String username = role.code() + "-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("displayName", "Cán bộ " + username);
		body.put("role", role.code());
		body.put("password", PASSWORD);
		if (unitCode != null) {
			body.put("unit", unitCode);
		}
		this.administrator.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();
		return username;
	}

}
