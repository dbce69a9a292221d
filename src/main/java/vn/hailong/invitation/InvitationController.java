package vn.hailong.invitation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;

import vn.hailong.access.Access;
import vn.hailong.system.SafeCsv;

/**
 * Issues invitation codes, answering in the format the client accepts (JSON, CSV, or
 * printable A4 slips with QR codes), and counts them; the codes are shown only in the
 * answer to the request that issues them.
 */
@Controller
@RequestMapping("/api/v1/campaigns/{campaign}/invitations")
class InvitationController {

	static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private static final int SLIPS_PER_PAGE = 10;

	private final InvitationService invitations;

	private final SurveyLinks links;

	InvitationController(InvitationService invitations, SurveyLinks links) {
		this.invitations = invitations;
		this.links = links;
	}

	/**
	 * Issues codes for a unit the member manages, recording the batch (never the codes)
	 * in the audit log.
	 */
	private Mono<InvitationService.Issued> issueFor(Access access, long campaign, InvitationRequest request,
			ServerHttpRequest http) {
		return this.invitations.issue(access, campaign, request, baseUrl(http));
	}

	@PostMapping
	@ResponseBody
	Mono<ResponseEntity<IssuedBatch>> issue(Access access, @PathVariable long campaign,
			@RequestBody InvitationRequest request, ServerHttpRequest http) {
		return issueFor(access, campaign, request, http)
			.map((issued) -> created(campaign).contentType(MediaType.APPLICATION_JSON).body(issued.batch()));
	}

	@PostMapping(produces = "text/csv")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> issueCsv(Access access, @PathVariable long campaign,
			@RequestBody InvitationRequest request, ServerHttpRequest http) {
		return issueFor(access, campaign, request, http).map((issued) -> created(campaign).contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName(issued.batch(), "csv")).build().toString())
			.body(csv(issued.batch()).getBytes(StandardCharsets.UTF_8)));
	}

	@PostMapping(produces = MediaType.TEXT_HTML_VALUE)
	Mono<Rendering> issueSlips(Access access, @PathVariable long campaign, @RequestBody InvitationRequest request,
			@RequestParam(defaultValue = "vi") String lang, ServerHttpRequest http) {
		String language = "en".equals(lang) ? "en" : "vi";
		return issueFor(access, campaign, request, http).publishOn(Schedulers.boundedElastic())
			.map((issued) -> Rendering.view("invitation/slips")
				.modelAttribute("lang", language)
				.modelAttribute("title", issued.campaign().name())
				.modelAttribute("survey", this.invitations.templateTitle(issued.campaign(), language))
				.modelAttribute("unitName", issued.unit().name())
				.modelAttribute("batch", issued.batch())
				.modelAttribute("pages", pages(issued.batch()))
				.modelAttribute("csv",
						"data:text/csv;charset=utf-8,"
								+ URLEncoder.encode(csv(issued.batch()), StandardCharsets.UTF_8).replace("+", "%20"))
				.modelAttribute("csvName", fileName(issued.batch(), "csv"))
				.status(HttpStatus.CREATED)
				.header(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue())
				.build());
	}

	@GetMapping
	@ResponseBody
	Mono<InvitationSummary> summary(Access access, @PathVariable long campaign) {
		return this.invitations.summary(access, campaign);
	}

	private static ResponseEntity.BodyBuilder created(long campaign) {
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign + "/invitations"))
			.cacheControl(CacheControl.noStore());
	}

	private String baseUrl(ServerHttpRequest http) {
		return this.links.baseUrl(http);
	}

	/**
	 * Writes the codes as CSV: UTF-8 with a byte order mark, so that spreadsheet programs
	 * read it as such.
	 */
	static String csv(IssuedBatch batch) {
		var out = new StringBuilder("\uFEFF");
		try (var printer = SafeCsv.open(out, CSVFormat.DEFAULT, "code", "unit", "link")) {
			for (IssuedBatch.IssuedCode code : batch.codes()) {
				printer.row(code.code(), batch.unit(), code.link());
			}
		}
		return out.toString();
	}

	private static List<List<Slip>> pages(IssuedBatch batch) {
		var pages = new ArrayList<List<Slip>>();
		for (int start = 0; start < batch.codes().size(); start += SLIPS_PER_PAGE) {
			pages.add(batch.codes()
				.subList(start, Math.min(start + SLIPS_PER_PAGE, batch.codes().size()))
				.stream()
				.map((code) -> new Slip(code.code(), code.link(), QrCodes.svg(code.link())))
				.toList());
		}
		return pages;
	}

	private static String fileName(IssuedBatch batch, String extension) {
		return "invitations-" + batch.campaign() + "-" + batch.unit() + "-" + batch.batch() + "." + extension;
	}

	/**
	 * One printed slip.
	 *
	 * @param code the code as printed
	 * @param link the survey link with the code
	 * @param qr the link as an inline SVG QR code
	 */
	record Slip(String code, String link, String qr) {
	}

}
