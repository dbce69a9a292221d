package vn.hailong.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.system.Texts;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitCsv;
import vn.hailong.unit.UnitInput;
import vn.hailong.unit.UnitLevel;
import vn.hailong.unit.UnitService;

/**
 * The units page: the tree of the member's units, and for administrators a form to add
 * one unit and an import of many from CSV, with each row's problems on the page.
 */
@Controller
@RequestMapping("/console/units")
class UnitPagesController {

	/** The CSV format example offered for download; Excel reads UTF-8 by its BOM. */
	static final String EXAMPLE_CSV = "\uFEFFcode,name,level,parent,population,contact\r\n"
			+ "SGD-CM,Sở GD&ĐT tỉnh Cà Mau,department,,12000,\r\n"
			+ "PGD-CG,Phòng GD&ĐT huyện Cần Giuộc,district_office,SGD-CM,1500,"
			+ "\"Bộ phận Một cửa, Phòng GD&ĐT huyện Cần Giuộc\"\r\n"
			+ "TH-LH,Trường Tiểu học Long Hậu,primary,PGD-CG,720,\r\n"
			+ "THCS-PL,\"Trường THCS Phước Lại, Cần Giuộc\",lower_secondary,PGD-CG,640,\r\n";

	private final UnitService units;

	private final ConsoleMessages messages;

	UnitPagesController(UnitService units, ConsoleMessages messages) {
		this.units = units;
		this.messages = messages;
	}

	@GetMapping
	Mono<Rendering> tree(Access access, @RequestParam(required = false) String created) {
		return page(access, UnitForm.blank(), Map.of(), null, "", HttpStatus.OK)
			.map((page) -> (created != null) ? page.modelAttribute("created", created) : page)
			.map(Rendering.Builder::build);
	}

	@PostMapping
	Mono<Rendering> create(Access access, ServerWebExchange exchange) {
		return this.units.checkChange(access).then(exchange.getFormData()).flatMap((data) -> {
			UnitForm form = UnitForm.read(data);
			Integer population = population(form.population());
			if (population == null && !form.population().isEmpty()) {
				return page(access, form,
						Map.of("population",
								this.messages.message(new FieldProblem("population", "invalid", "not a whole number"))),
						null, "", HttpStatus.BAD_REQUEST)
					.map(Rendering.Builder::build);
			}
			var input = new UnitInput(form.code(), form.name(), form.level(), form.parent(), population,
					form.contact());
			return this.units.create(access, input)
				.map((unit) -> Rendering.redirectTo("/console/units?created=" + unit.code()).build())
				.onErrorResume(ApiException.class, (ex) -> ex.errors().isEmpty() ? Mono.error(ex)
						: page(access, form, this.messages.byField(ex.errors()), null, "", HttpStatus.BAD_REQUEST)
							.map(Rendering.Builder::build));
		});
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Mono<Rendering> importCsv(Access access, ServerWebExchange exchange) {
		return this.units.checkChange(access).then(exchange.getMultipartData()).flatMap((parts) -> {
			var rejected = new java.util.concurrent.atomic.AtomicReference<ApiException>();
			String pasted = (parts.getFirst("csv") instanceof FormFieldPart field) ? field.value() : "";
			return fileText(parts.getFirst("file")).defaultIfEmpty("").onErrorResume(ApiException.class, (ex) -> {
				rejected.set(ex);
				return Mono.just("");
			}).flatMap((uploaded) -> {
				if (rejected.get() != null) {
					return importPage(access, importProblems(rejected.get(), List.of()), pasted);
				}
				String csv = uploaded.isBlank() ? pasted : uploaded;
				String shown = uploaded.isBlank() ? pasted : "";
				if (csv.isBlank()) {
					return importPage(access,
							List.of(new ImportProblem(0, "", "",
									this.messages.message(
											new FieldProblem("csv", "required", "paste the CSV or choose a file")))),
							shown);
				}
				List<UnitInput> inputs;
				try {
					inputs = UnitCsv.read(csv);
				}
				catch (ApiException ex) {
					return importPage(access, importProblems(ex, List.of()), shown);
				}
				return this.units.importAll(access, inputs)
					.flatMap((result) -> page(access, UnitForm.blank(), Map.of(), null, "", HttpStatus.OK)
						.map((page) -> page.modelAttribute("imported", result).build()))
					.onErrorResume(ApiException.class, (ex) -> ex.errors().isEmpty() ? Mono.error(ex)
							: importPage(access, importProblems(ex, inputs), shown));
			});
		});
	}

	@GetMapping(path = "/example.csv")
	@ResponseBody
	ResponseEntity<byte[]> example() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("don-vi-mau.csv").build().toString())
			.body(EXAMPLE_CSV.getBytes(StandardCharsets.UTF_8));
	}

	private Mono<Rendering> importPage(Access access, List<ImportProblem> rows, String csv) {
		return page(access, UnitForm.blank(), Map.of(), rows, csv, HttpStatus.BAD_REQUEST)
			.map(Rendering.Builder::build);
	}

	private List<ImportProblem> importProblems(ApiException ex, List<UnitInput> inputs) {
		return ex.errors().stream().map((problem) -> {
			int row = ConsoleMessages.row(problem);
			String code = (row >= 0 && row < inputs.size() && inputs.get(row) != null) ? inputs.get(row).code() : null;
			return new ImportProblem(row + 1, (code != null) ? code : "", ConsoleMessages.field(problem),
					this.messages.message(problem));
		}).toList();
	}

	private static Mono<String> fileText(Part part) {
		if (!(part instanceof FilePart file)) {
			return Mono.empty();
		}
		return DataBufferUtils.join(file.content()).map((buffer) -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return Texts.decodeUtf8(bytes, "file");
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		});
	}

	private Mono<Rendering.Builder<?>> page(Access access, UnitForm form, Map<String, String> errors,
			List<ImportProblem> importProblems, String csv, HttpStatus status) {
		return this.units.findAll(access).collectList().map((visible) -> {
			var children = new HashMap<String, Integer>();
			visible.forEach((unit) -> {
				if (unit.parent() != null) {
					children.merge(unit.parent(), 1, Integer::sum);
				}
			});
			var rows = new ArrayList<UnitRow>();
			for (UnitTree.Node node : UnitTree.of(visible)) {
				Unit unit = node.unit();
				rows.add(new UnitRow(unit.code(), unit.name(), levelLabel(unit.level()), unit.parent(),
						unit.population(), children.getOrDefault(unit.code(), 0), node.depth(),
						(unit.contact() != null) ? unit.contact() : ""));
			}
			var levels = Arrays.stream(UnitLevel.values())
				.map((level) -> new Choice(level.code(), levelLabel(level)))
				.toList();
			return Rendering.view("console/units")
				.status(status)
				.modelAttribute("units", rows)
				.modelAttribute("levels", levels)
				.modelAttribute("form", form)
				.modelAttribute("errors", errors)
				.modelAttribute("importProblems", (importProblems != null) ? importProblems : List.of())
				.modelAttribute("csv", csv)
				.modelAttribute("administrator", this.units.mayChange(access));
		});
	}

	private String levelLabel(UnitLevel level) {
		return this.messages.text("unit.level." + level.code(), level.code());
	}

	private static Integer population(String typed) {
		try {
			return typed.isEmpty() ? null : Integer.valueOf(typed);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * One line of the tree.
	 *
	 * @param depth 0 for a root, for indentation
	 * @param contact the unit's own contact line for its notices, or empty when it takes
	 * the one above
	 */
	record UnitRow(String code, String name, String level, String parent, int population, int children, int depth,
			String contact) {
	}

	/**
	 * An option of a select.
	 */
	record Choice(String value, String label) {
	}

	/**
	 * A problem of one row of an import.
	 *
	 * @param row the unit's place among the file's data rows, from 1; 0 for the whole
	 * file
	 * @param code the unit's code as read, or empty
	 * @param field the column
	 * @param message the problem in Vietnamese
	 */
	record ImportProblem(int row, String code, String field, String message) {
	}

	/**
	 * The add-a-unit form as typed.
	 */
	record UnitForm(String code, String name, String level, String parent, String population, String contact) {

		static UnitForm blank() {
			return new UnitForm("", "", "", "", "", "");
		}

		static UnitForm read(MultiValueMap<String, String> data) {
			return new UnitForm(value(data, "code"), value(data, "name"), value(data, "level"), value(data, "parent"),
					value(data, "population"), value(data, "contact"));
		}

	}

	static String value(MultiValueMap<String, String> data, String name) {
		String value = data.getFirst(name);
		return (value != null) ? value.strip() : "";
	}

}
