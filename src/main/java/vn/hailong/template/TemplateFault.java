package vn.hailong.template;

import java.util.List;

import org.springframework.http.HttpStatus;

import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;

/**
 * One fault of an uploaded template, at its place in the file.
 *
 * @param place where the fault is: {@code line 12} in a YAML file, or the sheet and cell
 * of a workbook as Excel names it, {@code survey!C7} (sheet {@code survey}, row 7, column
 * C)
 * @param code {@code invalid} for a broken rule, {@code unsupported} for something the
 * template format cannot express (a calculation, a repeat, another {@code relevant}
 * expression), {@code locked} for a change to an item of the official template an
 * office's template was adapted from
 * @param message what is wrong there, naming the column or key
 */
public record TemplateFault(String place, String code, String message) {

	/** The problem kind of an upload refused for its faults. */
	public static final String KIND = "invalid-template";

	static TemplateFault invalid(String place, String message) {
		return new TemplateFault(place, "invalid", message);
	}

	static TemplateFault unsupported(String place, String message) {
		return new TemplateFault(place, "unsupported", message);
	}

	/**
	 * The 400 problem listing every fault of an upload, each as an error whose field is
	 * the fault's place.
	 * @param faults the faults, at least one
	 * @return the exception
	 */
	static ApiException problem(List<TemplateFault> faults) {
		var errors = faults.stream()
			.limit(100)
			.map((fault) -> new FieldProblem(fault.place(), fault.code(), fault.message()))
			.toList();
		return new ApiException(HttpStatus.BAD_REQUEST, KIND, "Invalid survey template",
				"The template has " + faults.size() + ((faults.size() == 1) ? " fault" : " faults")
						+ "; nothing was stored. Each is listed with its place (file line, or sheet and cell).",
				errors);
	}

}
