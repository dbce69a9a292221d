package vn.hailong.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, made at start-up when no active administrator exists
 * ({@code HAILONG_ADMIN_USERNAME}, {@code HAILONG_ADMIN_PASSWORD}). There is no default
 * password.
 *
 * @param username the first administrator's sign-in name
 * @param password the first administrator's password, at least 10 characters
 */
@ConfigurationProperties("hailong.admin")
record AdminProperties(String username, String password) {

}
