package vn.hailong.explorer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import vn.hailong.system.SafeCsv;

/**
 * Writes tables as they arrive, a batch of rows at a time, so that a file of a million
 * rows never sits in memory: CSV (RFC 4180, UTF-8 with a byte order mark for Excel, every
 * text cell through {@link SafeCsv}) and XLSX (fastexcel, one sheet streamed and flushed
 * after each batch, text as inline strings so that no table of shared strings grows, then
 * small sheets written whole).
 *
 * Cells are {@code null} (empty), {@link String}, {@link Integer}, {@link Long},
 * {@link BigDecimal} or {@link LocalDate} (a day: ISO text in CSV, a date cell in XLSX).
 */
final class TableStream {

	/** Rows written between two flushes. */
	static final int BATCH = 500;

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

	private static final String DAY_FORMAT = "yyyy-mm-dd";

	private TableStream() {
	}

	/**
	 * A table as CSV.
	 * @param header the column names
	 * @param rows the rows, each as long as the header
	 * @return the file's bytes, a byte order mark and the header first, then a buffer per
	 * batch of rows
	 */
	static Flux<DataBuffer> csv(List<String> header, Flux<Object[]> rows) {
		return Flux.defer(() -> {
			var text = new StringBuilder("\uFEFF");
			var writer = SafeCsv.open(text, CSV, header.toArray(String[]::new));
			Mono<DataBuffer> first = Mono.fromSupplier(() -> drain(writer, text));
			Flux<DataBuffer> body = rows.buffer(BATCH).map((batch) -> {
				batch.forEach((row) -> writer.row(Arrays.asList(csvCells(row))));
				return drain(writer, text);
			});
			return first.concatWith(body);
		});
	}

	private static Object[] csvCells(Object[] row) {
		Object[] cells = row.clone();
		for (int i = 0; i < cells.length; i++) {
			if (cells[i] instanceof BigDecimal number) {
				cells[i] = number.toPlainString();
			}
			else if (cells[i] instanceof LocalDate day) {
				cells[i] = day.toString();
			}
		}
		return cells;
	}

	private static DataBuffer drain(SafeCsv writer, StringBuilder text) {
		writer.flush();
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		text.setLength(0);
		return BUFFERS.wrap(bytes);
	}

	/**
	 * A sheet written whole after the streamed one, such as a codebook.
	 *
	 * @param name the sheet's name
	 * @param header the column names
	 * @param rows the rows
	 */
	record Sheet(String name, List<String> header, List<Object[]> rows) {
	}

	/**
	 * A workbook whose first sheet is streamed and whose further sheets are written whole
	 * after it.
	 * @param name the first sheet's name
	 * @param header its column names
	 * @param rows its rows
	 * @param after the sheets after it, small
	 * @return the file's bytes, a buffer per batch of rows
	 */
	static Flux<DataBuffer> xlsx(String name, List<String> header, Flux<Object[]> rows, List<Sheet> after) {
		return Flux.defer(() -> {
			var out = new Drain();
			var workbook = new Workbook(out, "HaiLong", "1.0");
			Worksheet sheet = workbook.newWorksheet(name);
			int[] next = { 0 };
			writeRow(sheet, next[0]++, header.toArray());
			sheet.freezePane(0, 1);
			Flux<DataBuffer> body = rows.buffer(BATCH).map((batch) -> {
				batch.forEach((row) -> writeRow(sheet, next[0]++, row));
				return flush(sheet, out);
			});
			Mono<DataBuffer> end = Mono.fromSupplier(() -> {
				try {
					sheet.finish();
					for (Sheet more : after) {
						Worksheet other = workbook.newWorksheet(more.name());
						writeRow(other, 0, more.header().toArray());
						int r = 1;
						for (Object[] row : more.rows()) {
							writeRow(other, r++, row);
						}
						other.freezePane(0, 1);
						other.finish();
					}
					workbook.finish();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				return BUFFERS.wrap(out.take());
			});
			return body.concatWith(end);
		});
	}

	private static DataBuffer flush(Worksheet sheet, Drain out) {
		try {
			sheet.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return BUFFERS.wrap(out.take());
	}

	private static void writeRow(Worksheet sheet, int r, Object[] row) {
		for (int c = 0; c < row.length; c++) {
			Object cell = row[c];
			if (cell instanceof String text) {
				sheet.inlineString(r, c, text);
			}
			else if (cell instanceof Number number) {
				sheet.value(r, c, number);
			}
			else if (cell instanceof LocalDate day) {
				sheet.value(r, c, day);
				sheet.style(r, c).format(DAY_FORMAT).set();
			}
		}
	}

	/** The bytes written since they were last taken. */
	private static final class Drain extends ByteArrayOutputStream {

		byte[] take() {
			byte[] bytes = toByteArray();
			reset();
			return bytes;
		}

	}

}
