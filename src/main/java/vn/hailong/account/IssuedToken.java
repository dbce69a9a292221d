package vn.hailong.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A personal API token just issued: the only time the token itself is shown.
 *
 * @param id the token's id
 * @param name what the member called it
 * @param token the token, sent as {@code Authorization: Bearer <token>}
 * @param expiresAt when it stops working; {@code null} if never
 */
public record IssuedToken(long id, String name, String token, @Nullable Instant expiresAt) {

}
