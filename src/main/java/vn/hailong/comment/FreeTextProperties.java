package vn.hailong.comment;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.hailong.access.Access;
import vn.hailong.access.Role;

/**
 * Who may read what respondents wrote in their own words: the comments page, the
 * explorer's free-text view and export, and the text columns of the raw data export. Free
 * text may name a teacher, a child or the respondent, so by default only administrators
 * and unit managers read it, each within their units; viewers (accounts that read
 * reports, e.g. for the People's Committee) see counts and figures only.
 *
 * @param readers the roles that may read free text ({@code hailong.free-text.readers},
 * e.g. {@code administrator,unit-manager,viewer} to let viewers read it too); default
 * administrators and unit managers
 */
@ConfigurationProperties("hailong.free-text")
public record FreeTextProperties(@DefaultValue( {
		"administrator", "unit-manager" }) Set<Role> readers){

	public FreeTextProperties {
		readers = Set.copyOf(readers);
	}

	/**
	 * Whether the member's role may read free text (their units are checked apart).
	 * @param access the signed-in member
	 * @return true when the role is one of {@link #readers()}
	 */
	public boolean mayRead(Access access) {
		return this.readers.contains(access.member().role());
	}

	/**
	 * Refuses a member whose role may not read free text.
	 * @param access the signed-in member
	 * @throws vn.hailong.system.ApiException 403 {@code forbidden} when
	 * {@link #mayRead(Access)} is false
	 */
	public void requireRead(Access access) {
		if (!mayRead(access)) {
			throw Access.forbidden();
		}
	}

}
