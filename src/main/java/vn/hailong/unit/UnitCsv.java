package vn.hailong.unit;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.system.Texts;

/**
 * Reads units from CSV with the header {@code code,name,level,parent,population} and an
 * optional {@code contact} column (the notice's contact line; an empty cell clears it, no
 * column keeps what is stored).
 */
public final class UnitCsv {

	private static final Set<String> REQUIRED = Set.of("code", "name", "level", "population");

	private UnitCsv() {
	}

	/**
	 * Reads the units of a CSV text.
	 * @param csv the text, with or without a byte-order mark; {@code null} reads as empty
	 * @return the units in the order of the rows
	 * @throws ApiException {@code invalid-request} when the header lacks a column, the
	 * text is not CSV, or a population is not a whole number
	 * ({@code units[i].population})
	 */
	public static List<UnitInput> read(String csv) {
		String text = (csv != null && csv.startsWith("\uFEFF")) ? csv.substring(1) : csv;
		text = Texts.require("body", text);
		var format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setTrim(true)
			.setIgnoreEmptyLines(true)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader((text != null) ? text : ""), format)) {
			var header = parser.getHeaderNames();
			var missing = REQUIRED.stream().filter((column) -> !header.contains(column)).sorted().toList();
			if (!missing.isEmpty()) {
				throw ApiException.invalid("header", "missing_columns", "the CSV header lacks "
						+ String.join(", ", missing) + "; expected code,name,level,parent,population");
			}
			var units = new ArrayList<UnitInput>();
			var problems = new ArrayList<FieldProblem>();
			for (CSVRecord record : parser) {
				Integer population = null;
				String value = record.isMapped("population") ? record.get("population") : null;
				try {
					population = (value != null && !value.isEmpty()) ? Integer.valueOf(value) : null;
				}
				catch (NumberFormatException ex) {
					problems.add(new FieldProblem("units[" + units.size() + "].population", "invalid", "line "
							+ parser.getCurrentLineNumber() + ": population '" + value + "' is not a whole number"));
				}
				String contact = header.contains("contact") ? (record.isSet("contact") ? record.get("contact") : "")
						: null;
				units.add(new UnitInput(get(record, "code"), get(record, "name"), get(record, "level"),
						get(record, "parent"), population, contact));
			}
			if (!problems.isEmpty()) {
				throw ApiException.invalid(problems);
			}
			return units;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			throw ApiException.invalid("body", "unreadable_csv", "the CSV cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * Reads the units of an uploaded CSV file, which must be UTF-8.
	 * @param bytes the file as received; {@code null} reads as empty
	 * @param field the request field that held it, named in a refusal
	 * @return the units in the order of the rows
	 * @throws ApiException {@code invalid-encoding} when the file is not UTF-8 (such as
	 * one saved by Excel on Vietnamese Windows, in Windows-1258), telling how to save it
	 * as "CSV UTF-8"; otherwise as {@link #read(String)}
	 */
	public static List<UnitInput> read(byte[] bytes, String field) {
		return read((bytes != null) ? Texts.decodeUtf8(bytes, field) : "");
	}

	private static String get(CSVRecord record, String column) {
		if (!record.isMapped(column) || !record.isSet(column)) {
			return null;
		}
		String value = record.get(column);
		return value.isEmpty() ? null : value;
	}

}
