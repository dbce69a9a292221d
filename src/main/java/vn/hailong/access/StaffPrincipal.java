package vn.hailong.access;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member as Spring Security holds it: the account's id, name, role and
 * password hash (dropped once sign-in has checked it).
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

	private final long id;

	private final String username;

	private final Role role;

	private final boolean active;

	private String passwordHash;

	public StaffPrincipal(long id, String username, Role role, boolean active, String passwordHash) {
		this.id = id;
		this.username = username;
		this.role = role;
		this.active = active;
		this.passwordHash = passwordHash;
	}

	public long id() {
		return this.id;
	}

	public Role role() {
		return this.role;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StaffPrincipal principal && principal.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "StaffPrincipal[" + this.username + "]";
	}

}
