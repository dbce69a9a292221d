package vn.hailong.account;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A personal API token as listed: never the token itself, which is shown once when
 * issued.
 *
 * @param id the token's id
 * @param name what the member called it
 * @param createdAt when it was issued
 * @param expiresAt when it stops working; {@code null} if never
 * @param lastUsedOn the last day it was used; {@code null} if never
 * @param revokedAt when it was revoked; {@code null} if live
 */
public record ApiToken(long id, String name, Instant createdAt, @Nullable Instant expiresAt,
		@Nullable LocalDate lastUsedOn, @Nullable Instant revokedAt) {

}
