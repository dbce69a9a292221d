package vn.hailong.template;

/**
 * Where a template version stands: a draft may be replaced and previewed, a published
 * version may be used by campaigns and never changes.
 */
public enum TemplateState {

	/** Stored and previewable, not yet usable by a campaign; a new upload replaces it. */
	DRAFT("draft"),

	/** Usable by campaigns; never changes again. */
	PUBLISHED("published");

	private final String code;

	TemplateState(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	static TemplateState of(String code) {
		return "draft".equals(code) ? DRAFT : PUBLISHED;
	}

}
