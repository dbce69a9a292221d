package vn.hailong.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks of a downloaded report workbook, read with fastexcel-reader (cells and their
 * number formats) and as the XML parts an office's Excel reads (filters, frozen panes,
 * print set-up, document properties).
 */
public final class ReportWorkbook {

	private ReportWorkbook() {
	}

	/**
	 * The summary row of an indicator.
	 * @param rows the summary sheet's rows
	 * @param ref the indicator's reference (first column)
	 * @return the row
	 */
	public static Row row(List<Row> rows, String ref) {
		return rows.stream()
			.filter((row) -> row.getRowNum() > 3 && ref.equals(row.getCellText(0)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + ref));
	}

	/**
	 * A numeric cell holding a share, shown in a percent number format.
	 * @param cell the cell
	 * @param share the expected share (0.9 for 90%)
	 * @param tolerance the tolerance on the share
	 */
	public static void assertPercent(Cell cell, double share, double tolerance) {
		assertThat(cell).isNotNull();
		assertThat(cell.getType()).isEqualTo(CellType.NUMBER);
		assertThat(cell.asNumber().doubleValue()).isCloseTo(share, within(tolerance));
		assertThat(cell.getDataFormatString()).isEqualTo("0.0%");
	}

	/**
	 * Every sheet has its header row frozen under a title block, a filter on the header,
	 * A4 landscape printing with the title rows repeated; the document has its title.
	 * @param xlsx the workbook's bytes
	 * @param title the expected document title
	 */
	public static void assertFileable(byte[] xlsx, String title) {
		Map<String, String> parts = parts(xlsx);
		List<String> sheets = parts.keySet()
			.stream()
			.filter((name) -> name.startsWith("xl/worksheets/sheet"))
			.sorted()
			.toList();
		assertThat(sheets).hasSizeGreaterThanOrEqualTo(3);
		for (String sheet : sheets) {
			String xml = parts.get(sheet);
			assertThat(xml).as(sheet)
				.containsPattern(
						"<pane [^>]*ySplit=\"3\"[^>]*state=\"frozen\"|<pane [^>]*state=\"frozen\"[^>]*ySplit=\"3\"")
				.containsPattern("<autoFilter ref=\"A3:[A-Z]+[0-9]+\"")
				.contains("orientation=\"landscape\"")
				.contains("paperSize=\"9\"");
		}
		assertThat(parts.get("xl/workbook.xml")).contains("_xlnm.Print_Titles").contains("_xlnm._FilterDatabase");
		assertThat(unescape(parts.get("docProps/core.xml"))).contains("<dc:title>" + title + "</dc:title>");
	}

	private static String unescape(String xml) {
		return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);")
			.matcher(xml)
			.replaceAll((match) -> Character.toString(Integer.parseInt(match.group(1), 16)));
	}

	private static Map<String, String> parts(byte[] xlsx) {
		var parts = new HashMap<String, String>();
		try {
			Path file = Files.createTempFile("report", ".xlsx");
			try {
				Files.write(file, xlsx);
				try (var zip = new ZipFile(file.toFile())) {
					for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
						try (var in = zip.getInputStream(entry)) {
							parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
						}
					}
				}
			}
			finally {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return parts;
	}

}
