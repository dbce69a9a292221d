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

import vn.hailong.access.Access;
import vn.hailong.system.ApiException;

/**
 * The plan report as JSON, CSV or XLSX (method statements in English), over the units the
 * caller may read.
 */
@RestController
class ReportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ReportService reports;

	private final MethodStatement methods;

	ReportController(ReportService reports, MessageSource messages) {
		this.reports = reports;
		this.methods = new MethodStatement(messages, Locale.ENGLISH);
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
			@RequestParam(required = false) String unit, @RequestParam String format) {
		return switch (format) {
			case "json" -> json(access, code, period, confidence, unit).map(ResponseEntity::ok);
			case "csv" -> file(access, code, period, confidence, unit, "csv");
			case "xlsx" -> file(access, code, period, confidence, unit, "xlsx");
			default -> Mono.error(ApiException.invalid("format", "unknown", "Use one of json, csv, xlsx"));
		};
	}

	@GetMapping(path = "/api/v1/plans/{code}/report", produces = "text/csv")
	Mono<ResponseEntity<?>> csv(Access access, @PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) Double confidence, @RequestParam(required = false) String unit) {
		return file(access, code, period, confidence, unit, "csv");
	}

	@GetMapping(path = "/api/v1/plans/{code}/report",
			produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	Mono<ResponseEntity<?>> xlsx(Access access, @PathVariable String code,
			@RequestParam(required = false) String period, @RequestParam(required = false) Double confidence,
			@RequestParam(required = false) String unit) {
		return file(access, code, period, confidence, unit, "xlsx");
	}

	private Mono<ResponseEntity<?>> file(Access access, String code, String period, Double confidence, String unit,
			String format) {
		return report(access, code, period, confidence, unit).publishOn(Schedulers.boundedElastic()).map((report) -> {
			boolean csv = "csv".equals(format);
			byte[] body = csv ? ReportExport.csv(report, this.methods) : ReportExport.xlsx(report, this.methods);
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
