package vn.hailong.access;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A staff account as pages and the API show it; never carries the password hash.
 *
 * @param id the account's id
 * @param username the sign-in name, lower case
 * @param displayName the person's name as shown on pages
 * @param role what the member may do
 * @param unitId the member's unit; {@code null} for administrators
 * @param unitCode the code of that unit; {@code null} for administrators
 * @param active whether the member may sign in
 * @param createdAt when the account was made
 */
public record StaffMember(long id, String username, String displayName, Role role, @Nullable Long unitId,
		@Nullable String unitCode, boolean active, Instant createdAt) {

}
