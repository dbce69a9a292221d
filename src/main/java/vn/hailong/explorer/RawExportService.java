package vn.hailong.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.audit.AuditLog;
import vn.hailong.campaign.Campaign;
import vn.hailong.comment.FreeTextProperties;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.unit.Unit;

/**
 * The raw data export: one row per response, one column per item (one 0/1 column per
 * option of a multiple choice), with its codebook, as CSV or XLSX, streamed from the
 * database to the client.
 *
 * Privacy: a row carries its number in the file, not the response's id (a UUID the
 * respondent's browser made and keeps, which would link the row to that browser, to the
 * receipt and to other exports), and the day it arrived in Viet Nam, not the time (which
 * could point at one person seen at the desk). Free-text columns are written only for
 * roles that may read free text ({@link FreeTextProperties}). Units with fewer responses
 * than the minimum cell size are left out of an export made above the school; a school's
 * own staff exporting their own school (a selection of that one unit) get all its
 * responses, as they can already read each of them.
 */
@Service
public class RawExportService {

	private final SelectionService selections;

	private final RawExportRepository responses;

	private final FreeTextProperties freeText;

	private final AuditLog audit;

	private final MessageSource messages;

	RawExportService(SelectionService selections, RawExportRepository responses, FreeTextProperties freeText,
			AuditLog audit, MessageSource messages) {
		this.selections = selections;
		this.responses = responses;
		this.freeText = freeText;
		this.audit = audit;
		this.messages = messages;
	}

	/** The most data rows a worksheet holds (Excel's 1,048,576 rows, less the header). */
	static final long MAX_SHEET_ROWS = 1_048_575;

	static ApiException tooManyRows(long rows) {
		return ApiException.invalid("format", "too_many_rows",
				"an XLSX sheet holds at most " + MAX_SHEET_ROWS + " rows, the export has " + rows + ": use csv");
	}

	/**
	 * What to export.
	 *
	 * @param format {@code csv} or {@code xlsx}
	 * @param labels {@code codes} (default), {@code vi} or {@code en}
	 * @param part {@code data} (default) or {@code codebook}; an XLSX data file carries
	 * its codebook as a second sheet, so {@code codebook} is for CSV mostly
	 */
	public record ExportRequest(@Nullable String format, @Nullable String labels, @Nullable String part) {
	}

	/**
	 * Exports a selection's responses, or its codebook.
	 * @param access the signed-in member
	 * @param query the selection
	 * @param request the file asked for
	 * @return the file, whose body reads the database as it is sent; the audit entry
	 * {@code explorer.exported} (who, the selection, the format, the rows, the units
	 * withheld) is written before the file starts. Errors: {@code invalid-request} naming
	 * {@code format} (also for an XLSX file of more than {@value #MAX_SHEET_ROWS} rows),
	 * {@code labels} or {@code part}, and those of {@link SelectionService#select}
	 */
	public Mono<ExportFile> export(Access access, SelectionQuery query, ExportRequest request) {
		var problems = new ArrayList<FieldProblem>();
		String format = (request.format() == null) ? "csv" : request.format();
		if (!format.equals("csv") && !format.equals("xlsx")) {
			problems.add(new FieldProblem("format", "unknown", "format must be csv or xlsx"));
		}
		ExportLabels labels = ExportLabels.of((request.labels() == null) ? "codes" : request.labels()).orElse(null);
		if (labels == null) {
			problems.add(new FieldProblem("labels", "unknown", "labels must be codes, vi or en"));
		}
		String part = (request.part() == null) ? "data" : request.part();
		if (!part.equals("data") && !part.equals("codebook")) {
			problems.add(new FieldProblem("part", "unknown", "part must be data or codebook"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(ApiException.invalid(problems));
		}
		boolean csv = format.equals("csv");
		return this.selections.select(access, query).flatMap((selection) -> {
			boolean withTexts = this.freeText.mayRead(access);
			var layout = new RawExportLayout(selection.template().template(), withTexts, labels, this.messages);
			String name = fileName(selection, part.equals("codebook") ? "codebook" : "data", csv ? "csv" : "xlsx");
			if (part.equals("codebook")) {
				Flux<Object[]> rows = Flux.fromIterable(layout.codebook());
				return Mono.just(new ExportFile(name, csv ? ExportFile.CSV : ExportFile.XLSX,
						csv ? TableStream.csv(RawExportLayout.CODEBOOK, rows)
								: TableStream.xlsx("codebook", RawExportLayout.CODEBOOK, rows, List.of()),
						0));
			}
			return included(access, selection).flatMap((included) -> {
				long rows = included.rows();
				if (!csv && rows > MAX_SHEET_ROWS) {
					return Mono.error(tooManyRows(rows));
				}
				Flux<Object[]> data = Flux.defer(() -> {
					var number = new AtomicLong();
					return Flux.fromIterable(included.units())
						.concatMap((unit) -> this.responses.responses(selection, unit.id(), withTexts)
							.map((response) -> layout.row(number.incrementAndGet(), unit.code(), unit.name(),
									response)));
				});
				Flux<DataBuffer> body = csv ? TableStream.csv(layout.header(), data) : TableStream.xlsx("data",
						layout.header(), data,
						List.of(new TableStream.Sheet("codebook", RawExportLayout.CODEBOOK, layout.codebook())));
				var detail = detail(selection, query);
				detail.put("format", format);
				detail.put("labels", labels.code());
				detail.put("rows", rows);
				detail.put("unitsWithheld", included.withheld());
				detail.put("freeText", withTexts);
				return record(selection, "explorer.exported", detail)
					.thenReturn(new ExportFile(name, csv ? ExportFile.CSV : ExportFile.XLSX, body, rows));
			});
		});
	}

	/**
	 * What an export of a selection would hold, for the export page.
	 *
	 * @param covered what the selection covers
	 * @param rows the responses it would hold
	 * @param units the units they come from
	 * @param withheld the codes of the units left out for having fewer responses than the
	 * minimum cell size
	 * @param minimumCellSize that size
	 * @param freeText whether the reader's role gets the free-text columns
	 * @param columns the data's column names
	 */
	public record ExportPreview(TextPage.Covered covered, long rows, int units, List<String> withheld,
			int minimumCellSize, boolean freeText, List<String> columns) {

		public ExportPreview {
			withheld = List.copyOf(withheld);
			columns = List.copyOf(columns);
		}

	}

	/**
	 * Says what an export of the selection would hold, without writing it or the audit
	 * log.
	 * @param access the signed-in member
	 * @param query the selection
	 * @return the preview; errors those of {@link SelectionService#select}
	 */
	public Mono<ExportPreview> preview(Access access, SelectionQuery query) {
		return this.selections.select(access, query).flatMap((selection) -> {
			boolean withTexts = this.freeText.mayRead(access);
			var layout = new RawExportLayout(selection.template().template(), withTexts, ExportLabels.CODES,
					this.messages);
			return included(access, selection).map((included) -> new ExportPreview(FreeTextService.covered(selection),
					included.rows(), included.units().size(), included.withheld(), selection.minimumCellSize(),
					withTexts, layout.header()));
		});
	}

	/**
	 * The units an export of the selection holds, and those it leaves out.
	 *
	 * @param units the units with responses in the selection, in tree order, except those
	 * withheld
	 * @param withheld the codes of the units left out for having fewer responses than the
	 * minimum cell size
	 * @param rows the responses of {@code units}
	 */
	record Included(List<Unit> units, List<String> withheld, long rows) {
	}

	/**
	 * Counts the selection's responses per unit and leaves out the small units, unless
	 * the export is a school's own (see the class comment).
	 * @param access the signed-in member
	 * @param selection the selection
	 * @return the units to export
	 */
	Mono<Included> included(Access access, Selection selection) {
		return this.responses.countByUnit(selection).map((counts) -> {
			boolean suppress = !ownSchool(access, selection);
			var included = new ArrayList<Unit>();
			var withheld = new ArrayList<String>();
			long rows = 0;
			for (Unit unit : selection.units()) {
				long count = counts.getOrDefault(unit.id(), 0L);
				if (count == 0) {
					continue;
				}
				if (suppress && count < selection.minimumCellSize()) {
					withheld.add(unit.code());
				}
				else {
					included.add(unit);
					rows += count;
				}
			}
			return new Included(included, withheld, rows);
		});
	}

	/**
	 * Whether an export is made by a school's own staff for their own school alone, and
	 * so not suppressed.
	 */
	static boolean ownSchool(Access access, Selection selection) {
		Unit root = selection.root();
		return root != null && root.code().equals(access.member().unitCode()) && selection.tree().size() == 1;
	}

	Mono<Void> record(Selection selection, String action, Map<String, Object> detail) {
		boolean one = selection.campaigns().size() == 1;
		String subject = one ? Long.toString(selection.campaigns().get(0).id()) : selection.template().template().key();
		Unit root = selection.root();
		return this.audit.record(action, one ? "campaign" : "template", subject, (root != null) ? root.id() : null,
				detail);
	}

	static Map<String, Object> detail(Selection selection, SelectionQuery query) {
		var detail = new LinkedHashMap<String, Object>();
		detail.put("campaigns", selection.campaigns().stream().map(Campaign::id).toList());
		detail.put("template", selection.template().template().key());
		detail.put("unit", (selection.root() != null) ? selection.root().code() : "*");
		if (query.from() != null && !query.from().isBlank()) {
			detail.put("from", query.from().strip());
		}
		if (query.to() != null && !query.to().isBlank()) {
			detail.put("to", query.to().strip());
		}
		return detail;
	}

	static String fileName(Selection selection, String what, String extension) {
		String covered = (selection.campaigns().size() == 1) ? "campaign-" + selection.campaigns().get(0).id()
				: selection.template().template().key().replace('.', '-');
		String unit = (selection.root() != null) ? "-" + selection.root().code() : "";
		return covered + unit + "-" + what + "." + extension;
	}

}
