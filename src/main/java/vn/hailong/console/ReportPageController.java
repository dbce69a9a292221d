package vn.hailong.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import vn.hailong.access.Access;
import vn.hailong.access.Role;
import vn.hailong.indicator.Plan;
import vn.hailong.period.Period;
import vn.hailong.report.MethodStatement;
import vn.hailong.report.ReportQuery;
import vn.hailong.report.ReportService;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;

/**
 * The report page of a plan for a period: every indicator with its chart, verdict, trend
 * and breakdown, over the units the member may read, ready to print on A4.
 */
@Controller
class ReportPageController {

	static final List<String> CONFIDENCES = List.of("0.90", "0.95", "0.99");

	private static final String PAGE = "\u2060page\u2060";

	private static final String PAGES = "\u2060pages\u2060";

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final ReportService reports;

	private final ConsoleUnits units;

	private final MessageSource messages;

	ReportPageController(ReportService reports, ConsoleUnits units, MessageSource messages) {
		this.reports = reports;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping("/console/plans/{code}/report")
	Mono<Rendering> report(Access access, @PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String confidence, @RequestParam(required = false) String unit,
			ServerWebExchange exchange) {
		var asked = new ReportQuery(code, null, null, blankToNull(unit));
		Locale locale = exchange.getLocaleContext().getLocale();
		var words = new ReportWords(this.messages, (locale != null) ? locale : VIETNAMESE);
		return this.reports.plan(access, asked)
			.flatMap((plan) -> render(access, plan, period, confidence, asked.unit(), words, exchange));
	}

	private Mono<Rendering> render(Access access, Plan plan, String period, String confidence, String unit,
			ReportWords words, ServerWebExchange exchange) {
		String periodText = (period == null || period.isBlank()) ? Integer.toString(plan.year()) : period.strip();
		String confidenceText = (confidence != null && CONFIDENCES.contains(confidence)) ? confidence : "0.95";
		var model = new LinkedHashMap<String, Object>();
		model.put("words", words);
		model.put("english", words.english());
		model.put("pageLang", words.english() ? "en" : "vi");
		model.put("otherLanguage", LanguageLinks.otherLanguage(exchange, words.english()));
		model.put("canEnterFigures", access.member().role() != Role.VIEWER);
		model.put("plan", plan);
		model.put("period", periodText);
		model.put("confidence", confidenceText);
		model.put("confidences", CONFIDENCES);
		model.put("periods", periods(plan.year()));
		model.put("unit", (unit != null) ? unit : "");
		return this.units.readableWithin(plan.unit()).collectList().flatMap((options) -> {
			model.put("units", options);
			var query = new ReportQuery(plan.code(), periodText, Double.valueOf(confidenceText), unit);
			return this.reports.report(access, query).map((report) -> {
				var view = ReportView.of(report, new MethodStatement(this.messages, words.locale()), words);
				model.put("report", view);
				model.put("printStyle", printStyle(words, view.generatedDate()));
				model.put("csv", download(plan, periodText, confidenceText, unit, "csv", words.english()));
				model.put("xlsx", download(plan, periodText, confidenceText, unit, "xlsx", words.english()));
				return page(model);
			})
				.onErrorResume(ApiException.class,
						(ex) -> "invalid-request".equals(ex.kind()) ? Mono.just(error(model, ex)) : Mono.error(ex));
		});
	}

	private Rendering error(Map<String, Object> model, ApiException ex) {
		var messages = new ArrayList<String>();
		Plan plan = (Plan) model.get("plan");
		String period = (String) model.get("period");
		ReportWords words = (ReportWords) model.get("words");
		Object[] arguments = { Integer.toString(plan.year()), period,
				Period.parse(period).map((p) -> Integer.toString(p.year())).orElse(period) };
		for (FieldProblem problem : ex.errors()) {
			String general = this.messages.getMessage("report.problem." + problem.field(), null, problem.message(),
					words.locale());
			messages.add(this.messages.getMessage("report.problem." + problem.field() + "." + problem.code(), arguments,
					general, words.locale()));
		}
		model.put("errors", messages);
		return page(model);
	}

	private static Rendering page(Map<String, Object> model) {
		return Rendering.view("console/report").model(model).build();
	}

	private static String download(Plan plan, String period, String confidence, String unit, String format,
			boolean english) {
		var uri = UriComponentsBuilder.fromPath("/api/v1/plans/{code}/report")
			.queryParam("period", period)
			.queryParam("confidence", confidence);
		if (unit != null && !unit.isBlank()) {
			uri.queryParam("unit", unit);
		}
		uri.queryParam("format", format);
		if (english) {
			uri.queryParam("lang", "en");
		}
		return uri.buildAndExpand(plan.code()).encode().toUriString();
	}

	/**
	 * The printed pages' footer as a CSS {@code @page} rule: the day the report was
	 * computed at the bottom left, "page n of m" at the bottom right, in the page's
	 * language. Only words from the message bundles and a formatted date go in, each
	 * written as a CSS string.
	 */
	static String printStyle(ReportWords words, String date) {
		String pages = words.text("footer.page", PAGE, PAGES);
		String counters = css(pages).replace(PAGE, "\" counter(page) \"").replace(PAGES, "\" counter(pages) \"");
		return "@media print { @page { @bottom-left { content: " + css(words.text("footer.generated", date))
				+ "; font-size: 9pt; } @bottom-right { content: " + counters + "; font-size: 9pt; } } }";
	}

	/**
	 * Writes text as a CSS string, quoted, with quotes, backslashes and angle brackets
	 * escaped.
	 */
	static String css(String text) {
		var css = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"', '\\' -> css.append('\\').append(c);
				case '<', '>', '\n', '\r' -> css.append('\\').append(Integer.toHexString(c)).append(' ');
				default -> css.append(c);
			}
		}
		return css.append('"').toString();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** The periods of a plan's year, offered in the period picker. */
	static List<String> periods(int year) {
		var periods = new ArrayList<String>();
		periods.add(Integer.toString(year));
		periods.add(year + "-H1");
		periods.add(year + "-H2");
		for (int quarter = 1; quarter <= 4; quarter++) {
			periods.add(year + "-Q" + quarter);
		}
		return periods;
	}

}
