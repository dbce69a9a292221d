package vn.hailong.template;

import java.util.List;

/**
 * Thrown when a template file is broken; names the file, and the line and problem of each
 * fault.
 */
class TemplateDefinitionException extends RuntimeException {

	private final String file;

	private final List<Fault> faults;

	public TemplateDefinitionException(String file, List<Fault> faults) {
		super(describe(file, faults));
		this.file = file;
		this.faults = List.copyOf(faults);
	}

	public String file() {
		return this.file;
	}

	public List<Fault> faults() {
		return this.faults;
	}

	private static String describe(String file, List<Fault> faults) {
		var text = new StringBuilder("Invalid survey template ").append(file).append(':');
		for (Fault fault : faults) {
			text.append(System.lineSeparator())
				.append("  ")
				.append(file)
				.append(':')
				.append(fault.line())
				.append(": ")
				.append(fault.problem());
		}
		return text.toString();
	}

	/**
	 * One fault in a template file.
	 *
	 * @param line the 1-based line number
	 * @param problem what is wrong there
	 */
	public record Fault(int line, String problem) {
	}

}
