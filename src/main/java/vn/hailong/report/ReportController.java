package vn.hailong.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;
import vn.hailong.system.ApiException;

/**
 * The plan report as JSON, CSV or XLSX, over the units the caller may read; the files are
 * worded in the request's language (Vietnamese unless English is asked for).
 */
@RestController
class ReportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ReportService reports;

	private final MessageSource messages;

	ReportController(ReportService reports, MessageSource messages) {
		this.reports = reports;
		this.messages = messages;
	}

	private Mono<Report> report(Access access, String code, String period, Double confidence, String unit) {
		var query = new ReportQuery(code, period, confidence, unit);
		return this.reports.report(access, query);
	}

	@GetMapping(path = "/api/v1/plans/{code}/report", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Report> json(Access access, @PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) Double confidence, @RequestParam(required = false) String unit) {
		return report(access, code, period, confidence, unit);
	}

	@GetMapping(path = "/api/v1/plans/{code}/report", params = "format")
	Mono<ResponseEntity<?>> download(Access access, @PathVariable String code,
			@RequestParam(required = false) String period, @RequestParam(required = false) Double confidence,
			@RequestParam(required = false) String unit, @RequestParam String format,
			@RequestParam(required = false) String dialect, @RequestParam(required = false) String sep,
			ServerWebExchange exchange) {
		return switch (format) {
			case "json" -> json(access, code, period, confidence, unit).map(ResponseEntity::ok);
			case "csv" -> dialect(dialect, sep)
				.flatMap((chosen) -> file(access, code, period, confidence, unit, "csv", chosen, locale(exchange)));
			case "xlsx" ->
				file(access, code, period, confidence, unit, "xlsx", ReportExport.Dialect.RFC4180, locale(exchange));
			default -> Mono.error(ApiException.invalid("format", "unknown", "Use one of json, csv, xlsx"));
		};
	}

	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.forLanguageTag("vi");
	}

	/**
	 * The CSV dialect: {@code dialect=excel-vn} or {@code sep=;} for Excel with
	 * Vietnamese regional settings, {@code dialect=rfc4180}, {@code sep=,} or nothing for
	 * RFC 4180.
	 */
	private static Mono<ReportExport.Dialect> dialect(String dialect, String sep) {
		if (dialect != null) {
			return switch (dialect) {
				case "rfc4180" -> Mono.just(ReportExport.Dialect.RFC4180);
				case "excel-vn" -> Mono.just(ReportExport.Dialect.EXCEL_VN);
				default -> Mono.error(ApiException.invalid("dialect", "unknown", "Use rfc4180 or excel-vn"));
			};
		}
		if (sep != null) {
			return switch (sep) {
				case "," -> Mono.just(ReportExport.Dialect.RFC4180);
				case ";" -> Mono.just(ReportExport.Dialect.EXCEL_VN);
				default -> Mono.error(ApiException.invalid("sep", "unknown", "Use , or ;"));
			};
		}
		return Mono.just(ReportExport.Dialect.RFC4180);
	}

	@GetMapping(path = "/api/v1/plans/{code}/report", produces = "text/csv")
	Mono<ResponseEntity<?>> csv(Access access, @PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) Double confidence, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String dialect, @RequestParam(required = false) String sep,
			ServerWebExchange exchange) {
		return dialect(dialect, sep)
			.flatMap((chosen) -> file(access, code, period, confidence, unit, "csv", chosen, locale(exchange)));
	}

	@GetMapping(path = "/api/v1/plans/{code}/report",
			produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	Mono<ResponseEntity<?>> xlsx(Access access, @PathVariable String code,
			@RequestParam(required = false) String period, @RequestParam(required = false) Double confidence,
			@RequestParam(required = false) String unit, ServerWebExchange exchange) {
		return file(access, code, period, confidence, unit, "xlsx", ReportExport.Dialect.RFC4180, locale(exchange));
	}

	private Mono<ResponseEntity<?>> file(Access access, String code, String period, Double confidence, String unit,
			String format, ReportExport.Dialect dialect, Locale locale) {
		var export = new ReportExport(this.messages, locale);
		return report(access, code, period, confidence, unit).publishOn(Schedulers.boundedElastic()).map((report) -> {
			boolean csv = "csv".equals(format);
			byte[] body = csv ? export.csv(report, dialect) : export.xlsx(report);
			String name = report.plan() + "-" + report.period()
					+ ((unit != null && report.scope() != null) ? "-" + report.scope() : "") + "." + format;
			return ResponseEntity.ok()
				.contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(name).build().toString())
				.body(body);
		});
	}

}
