package vn.hailong.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import vn.hailong.access.Access;
import vn.hailong.explorer.FreeTextService;
import vn.hailong.explorer.RawExportService;
import vn.hailong.explorer.SelectionQuery;
import vn.hailong.system.ApiException;

/**
 * The explorer's pages for free-text answers ({@code /console/explorer/texts}: search
 * box, answer filter, word-list counts, answers, export links) and for the raw data
 * export ({@code /console/explorer/export}: what the file would hold, format and labels,
 * download buttons). Both read the selection from the query string the explorer's tabs
 * carry and show it in the explorer's shared selection form
 * ({@link ExplorerSelectionForm}).
 */
@Controller
class ExplorerTextPagesController {

	private static final ConsoleFormats FORMATS = new ConsoleFormats();

	private static final List<String> SELECTION = List.of("campaign", "template", "version", "period", "unit", "from",
			"to");

	private final FreeTextService texts;

	private final RawExportService exports;

	private final ExplorerSelectionForm selectionForm;

	ExplorerTextPagesController(FreeTextService texts, RawExportService exports, ExplorerSelectionForm selectionForm) {
		this.texts = texts;
		this.exports = exports;
		this.selectionForm = selectionForm;
	}

	@GetMapping("/console/explorer/texts")
	Mono<Rendering> texts(Access access, @RequestParam Map<String, String> parameters) {
		Map<String, String> selection = selection(parameters);
		return this.selectionForm.fill(access, query(selection), new LinkedHashMap<>()).flatMap((form) -> {
			if (selection.isEmpty()) {
				return Mono.just(choose("console/explorer/texts", form));
			}
			return texts(access, parameters, selection, form);
		});
	}

	private Mono<Rendering> texts(Access access, Map<String, String> parameters, Map<String, String> selection,
			Map<String, Object> form) {
		String q = parameters.get("q");
		String answer = parameters.get("answer");
		String item = null;
		String value = null;
		if (answer != null && answer.contains(":")) {
			item = answer.substring(0, answer.indexOf(':'));
			value = answer.substring(answer.indexOf(':') + 1);
		}
		var query = query(selection);
		var search = new FreeTextService.TextQuery(q, item, value, parameters.get("page"), null);
		String base = url("/console/explorer/texts", selection, q, answer);
		String export = url("/api/v1/explorer/texts/export", selection, q, null)
				+ ((item != null) ? "&item=" + encode(item) + "&value=" + encode(value) : "");
		return this.texts.search(access, query, search)
			.map((page) -> Rendering.view("console/explorer/texts")
				.model(form)
				.modelAttribute("page", page)
				.modelAttribute("selection", selection)
				.modelAttribute("selectionQuery", queryString(selection))
				.modelAttribute("q", (q != null) ? q : "")
				.modelAttribute("answer", (answer != null) ? answer : "")
				.modelAttribute("base", base)
				.modelAttribute("exportCsv", export + "&format=csv")
				.modelAttribute("exportXlsx", export + "&format=xlsx")
				.modelAttribute("formats", FORMATS)
				.build())
			.onErrorResume(ApiException.class,
					(ex) -> Mono.just(problem("console/explorer/texts", selection, form, ex)));
	}

	@GetMapping("/console/explorer/export")
	Mono<Rendering> export(Access access, @RequestParam Map<String, String> parameters) {
		Map<String, String> selection = selection(parameters);
		return this.selectionForm.fill(access, query(selection), new LinkedHashMap<>()).flatMap((form) -> {
			if (selection.isEmpty()) {
				return Mono.just(choose("console/explorer/export", form));
			}
			return export(access, selection, form);
		});
	}

	private Mono<Rendering> export(Access access, Map<String, String> selection, Map<String, Object> form) {
		return this.exports.preview(access, query(selection))
			.map((preview) -> Rendering.view("console/explorer/export")
				.model(form)
				.modelAttribute("preview", preview)
				.modelAttribute("selection", selection)
				.modelAttribute("selectionQuery", queryString(selection))
				.modelAttribute("codebook", url("/api/v1/explorer/export", selection, null, null) + "&part=codebook")
				.modelAttribute("formats", FORMATS)
				.build())
			.onErrorResume(ApiException.class,
					(ex) -> Mono.just(problem("console/explorer/export", selection, form, ex)));
	}

	private static Rendering choose(String view, Map<String, Object> form) {
		return Rendering.view(view)
			.model(form)
			.modelAttribute("choosing", true)
			.modelAttribute("selection", Map.of())
			.modelAttribute("selectionQuery", "")
			.build();
	}

	private static Rendering problem(String view, Map<String, String> selection, Map<String, Object> form,
			ApiException ex) {
		String key = switch (ex.kind()) {
			case "forbidden" -> "explorer.texts.forbidden";
			case "outside-scope" -> "console.problem.outsideScope";
			case "not-found" -> "explorer.export.notFound";
			case "invalid-request" -> "explorer.export.invalid";
			default -> "console.problem.other";
		};
		var fields = ex.errors().stream().map((error) -> error.field()).distinct().toList();
		return Rendering.view(view)
			.model(form)
			.modelAttribute("problem", key)
			.modelAttribute("fields", String.join(", ", fields))
			.modelAttribute("selection", selection)
			.modelAttribute("selectionQuery", queryString(selection))
			.status(ex.status())
			.build();
	}

	private static Map<String, String> selection(Map<String, String> parameters) {
		var selection = new LinkedHashMap<String, String>();
		for (String name : SELECTION) {
			String value = parameters.get(name);
			if (value != null && !value.isBlank()) {
				selection.put(name, value.strip());
			}
		}
		return selection;
	}

	private static SelectionQuery query(Map<String, String> selection) {
		return new SelectionQuery(selection.get("campaign"), selection.get("template"), selection.get("version"),
				selection.get("period"), selection.get("unit"), selection.get("from"), selection.get("to"));
	}

	private static String queryString(Map<String, String> selection) {
		String url = url("", selection, null, null);
		int start = url.indexOf('?');
		return (start >= 0) ? url.substring(start + 1) : "";
	}

	private static String url(String path, Map<String, String> selection, @Nullable String q, @Nullable String answer) {
		var parameters = new LinkedHashMap<>(selection);
		if (q != null && !q.isBlank()) {
			parameters.put("q", q);
		}
		if (answer != null && !answer.isBlank()) {
			parameters.put("answer", answer);
		}
		var url = new StringBuilder(path);
		parameters.forEach((name, value) -> url.append((url.length() == path.length()) ? '?' : '&')
			.append(name)
			.append('=')
			.append(encode(value)));
		return url.toString();
	}

	private static String encode(@Nullable String value) {
		return java.net.URLEncoder.encode((value != null) ? value : "", java.nio.charset.StandardCharsets.UTF_8);
	}

}
