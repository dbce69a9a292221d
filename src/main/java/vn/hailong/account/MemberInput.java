package vn.hailong.account;

import org.jspecify.annotations.Nullable;

/**
 * A new staff account, or a change to one (where {@code null} fields stay as they are).
 *
 * @param username the sign-in name: 3–64 lower-case letters, digits, dots, dashes,
 * underscores
 * @param displayName the person's name
 * @param role {@code administrator}, {@code unit-manager} or {@code viewer}
 * @param unit the code of the member's unit; none for administrators
 * @param password at least 10 characters
 * @param active whether the member may sign in (changes only)
 */
public record MemberInput(@Nullable String username, @Nullable String displayName, @Nullable String role,
		@Nullable String unit, @Nullable String password, @Nullable Boolean active) {

}
