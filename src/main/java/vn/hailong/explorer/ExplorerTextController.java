package vn.hailong.explorer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;

/**
 * The JSON API of the explorer's free-text view and its files, and the raw data export.
 * Every request names its selection with {@code campaign}, or {@code template} and
 * {@code period} (and {@code version}), then optionally {@code unit}, {@code from} and
 * {@code to} ({@link SelectionQuery}).
 */
@RestController
class ExplorerTextController {

	private final FreeTextService texts;

	private final RawExportService exports;

	ExplorerTextController(FreeTextService texts, RawExportService exports) {
		this.texts = texts;
		this.exports = exports;
	}

	@GetMapping(path = "/api/v1/explorer/texts", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<TextPage> texts(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String q, @RequestParam(required = false) String item,
			@RequestParam(required = false) String value, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		return this.texts.search(access, new SelectionQuery(campaign, template, version, period, unit, from, to),
				new FreeTextService.TextQuery(q, item, value, page, size));
	}

	@GetMapping("/api/v1/explorer/texts/export")
	Mono<ResponseEntity<Flux<DataBuffer>>> exportTexts(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String q, @RequestParam(required = false) String item,
			@RequestParam(required = false) String value, @RequestParam(required = false) String format) {
		return this.texts
			.export(access, new SelectionQuery(campaign, template, version, period, unit, from, to),
					new FreeTextService.TextQuery(q, item, value, null, null), format)
			.map(ExplorerTextController::download);
	}

	@GetMapping("/api/v1/explorer/export")
	Mono<ResponseEntity<Flux<DataBuffer>>> export(Access access, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) String template, @RequestParam(required = false) String version,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String format, @RequestParam(required = false) String labels,
			@RequestParam(required = false) String part) {
		return this.exports
			.export(access, new SelectionQuery(campaign, template, version, period, unit, from, to),
					new RawExportService.ExportRequest(format, labels, part))
			.map(ExplorerTextController::download);
	}

	private static ResponseEntity<Flux<DataBuffer>> download(ExportFile file) {
		return ResponseEntity.ok()
			.contentType(file.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName()).build().toString())
			.header("X-Rows", Long.toString(file.rows()))
			.body(file.body());
	}

}
