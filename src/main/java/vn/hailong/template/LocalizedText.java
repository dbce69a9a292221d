package vn.hailong.template;

/**
 * A text in Vietnamese and English; Vietnamese is the default language of the service.
 *
 * @param vi the Vietnamese text, never blank
 * @param en the English text, never blank
 */
public record LocalizedText(String vi, String en) {

	/**
	 * Returns the text in the given language, falling back to Vietnamese.
	 * @param language an ISO 639-1 code such as {@code vi} or {@code en}; may be null
	 * @return the text in that language
	 */
	public String in(String language) {
		return "en".equals(language) ? this.en : this.vi;
	}

}
