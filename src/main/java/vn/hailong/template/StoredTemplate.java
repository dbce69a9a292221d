package vn.hailong.template;

import org.jspecify.annotations.Nullable;

/**
 * A template version as stored in the database, with the id campaigns refer to and who
 * owns it.
 *
 * @param id the database id
 * @param template the template
 * @param owner the unit that owns the template, or {@code null} for an official one (read
 * from the template folder, read-only)
 * @param state whether the version is a draft or published; only a published version is
 * used by campaigns, and it never changes
 * @param basedOnId for a template adapted from an official one, the id of the official
 * version; otherwise {@code null}
 */
public record StoredTemplate(long id, SurveyTemplate template, @Nullable Owner owner, TemplateState state,
		@Nullable Long basedOnId) {

	/**
	 * An official, published version.
	 * @param id the database id
	 * @param template the template
	 */
	public StoredTemplate(long id, SurveyTemplate template) {
		this(id, template, null, TemplateState.PUBLISHED, null);
	}

	/**
	 * Whether the version is one of the official sets read from the template folder.
	 * @return true when no unit owns it
	 */
	public boolean official() {
		return this.owner == null;
	}

	public boolean published() {
		return this.state == TemplateState.PUBLISHED;
	}

	StoredTemplate withState(TemplateState state) {
		return new StoredTemplate(this.id, this.template, this.owner, state, this.basedOnId);
	}

	/**
	 * The unit that owns an office's template.
	 *
	 * @param unitId the unit's id
	 * @param unitCode the unit's code
	 */
	public record Owner(long unitId, String unitCode) {
	}

}
