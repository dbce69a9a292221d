package vn.hailong;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Signs the tests' {@code WebTestClient} in as the test administrator with a personal API
 * token, so that tests of other features need not sign in; access tests take other
 * clients from {@link StaffFixtures}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StaffTestConfiguration {

	public static final String ADMIN_USERNAME = "test-admin";

	public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

	@Bean
	WebTestClientBuilderCustomizer administratorToken(DatabaseClient database) {
		return (builder) -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token(database));
	}

	private static String token(DatabaseClient database) {
		String token = "hl_test-" + UUID.randomUUID();
		database.sql("""
				insert into api_token (staff_member_id, name, token_hash)
				select id, 'tests', :hash from staff_member where username = :username
				""").bind("hash", sha256(token)).bind("username", ADMIN_USERNAME).fetch().rowsUpdated().block();
		return token;
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
