package vn.hailong.template;

import java.util.function.Function;

/**
 * A template read from an upload, with where its parts stand in the file, so that checks
 * made after reading can still name the place of a fault.
 *
 * @param template the template as read
 * @param places gives the place of a part: {@code version}, {@code section:<code>} or
 * {@code item:<code>}, as {@code line 12} for YAML or {@code survey!B7} for a workbook
 */
record ReadTemplate(SurveyTemplate template, Function<String, String> places) {

	String place(String key) {
		return this.places.apply(key);
	}

}
