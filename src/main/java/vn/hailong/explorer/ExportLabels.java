package vn.hailong.explorer;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a raw data export writes answers: as stored codes, or as labels in Vietnamese or
 * English (scale points, yes/no and single-choice options; numbers and the 0/1 columns of
 * a multiple choice stay numbers).
 */
public enum ExportLabels {

	/** Scale points 1 to 5 ({@code na} for not applicable), option codes, yes/no. */
	CODES("codes"),

	/** Labels in Vietnamese. */
	VI("vi"),

	/** Labels in English. */
	EN("en");

	private final String code;

	ExportLabels(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/**
	 * The choice with the given code.
	 * @param code {@code codes}, {@code vi} or {@code en}
	 * @return the choice, or empty for any other code
	 */
	public static Optional<ExportLabels> of(String code) {
		return Arrays.stream(values()).filter((labels) -> labels.code.equals(code)).findFirst();
	}

}
