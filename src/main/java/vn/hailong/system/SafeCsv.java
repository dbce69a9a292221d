package vn.hailong.system;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the service writes CSV: every text cell that a spreadsheet would run as a
 * formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return) is written with a leading apostrophe, as OWASP's "CSV Injection" guidance
 * advises, so that {@code =HYPERLINK(…)} in a unit's name is shown, not run. Numbers (and
 * text that is a plain decimal number, such as {@code -3.5}) are written as they are.
 */
public final class SafeCsv implements Closeable, Flushable {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+([.,][0-9]+)?");

	private final CSVPrinter printer;

	private SafeCsv(CSVPrinter printer) {
		this.printer = printer;
	}

	/**
	 * Starts a CSV with a header line.
	 * @param out where to write
	 * @param format the dialect, without a header
	 * @param header the column names
	 * @return the writer
	 */
	public static SafeCsv open(Appendable out, CSVFormat format, String... header) {
		try {
			var printer = new CSVPrinter(out, format);
			var writer = new SafeCsv(printer);
			writer.row(List.of((Object[]) header));
			return writer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes a row.
	 * @param values the cells; {@code null} is an empty cell
	 */
	public void row(Iterable<?> values) {
		var cells = new ArrayList<Object>();
		values.forEach((value) -> cells.add(neutralise(value)));
		try {
			this.printer.printRecord(cells);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void row(Object... values) {
		row(java.util.Arrays.asList(values));
	}

	/**
	 * A cell as written: text a spreadsheet would run as a formula gets a leading
	 * apostrophe.
	 * @param value the cell's value
	 * @return the value to write
	 */
	public static Object neutralise(Object value) {
		if (!(value instanceof CharSequence text) || text.isEmpty()) {
			return value;
		}
		char first = text.charAt(0);
		boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
		if (!risky || PLAIN_NUMBER.matcher(text).matches()) {
			return value;
		}
		return "'" + text;
	}

	@Override
	public void flush() {
		try {
			this.printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.printer.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
