package vn.hailong.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans pages on PostgreSQL: importing a plan pasted or uploaded, refusals listed by
 * field path with the text kept, the audit entry, and the plan's indicator page.
 */
@IntegrationTest
class PlanPagesIntegrationTests {

	@Autowired
	private WebTestClient client;

	private String prefix;

	private String district;

	@BeforeEach
	void setUp() {
		this.prefix = UUID.randomUUID().toString().substring(0, 8);
		this.district = this.prefix + "-PGD";
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Fixtures.unit(this.district, "Phòng GD&ĐT", "district_office", null, 0)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void importsAPastedPlanAndShowsItsIndicators() {
		String code = "kh-" + this.prefix;
		var form = new MultipartBodyBuilder();
		form.part("text", yaml(code, "95"));
		this.client.post()
			.uri("/console/plans")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(form.build()))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals("Location", "/console/plans/" + code + "?imported=new");
		String page = page("/console/plans/" + code + "?imported=new");
		assertThat(page).contains("Đã nhập kế hoạch mới", "Kế hoạch kiểm thử trang",
				"Mức độ hài lòng &lt;i&gt;TTHC&lt;/i&gt;", "≥ 95%", "Khảo sát", "Mẫu bao-cao, câu a1",
				"Số liệu báo cáo", "Hồ sơ trực tuyến ÷ Tổng số hồ sơ", "/console/plans/" + code + "/report",
				"/console/plans/" + code + "/figures");
		assertThat(page("/console/plans")).contains(code, "Nhập kế hoạch");
		List<Map<String, Object>> events = this.client.get()
			.uri("/api/v1/audit?limit=50")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(events).anySatisfy((event) -> {
			assertThat(event.get("action")).isEqualTo("plan.imported");
			assertThat(event.get("subjectId")).isEqualTo(code);
		});
	}

	@Test
	void offersTheExamplePlanForDownloadAndItImportsOnceRenamed() throws Exception {
		assertThat(page("/console/plans")).contains("href=\"/console/plans/example.yaml\"", "Tải kế hoạch mẫu (YAML)")
			.doesNotContain("src/main/plans");
		byte[] example = this.client.get()
			.uri("/console/plans/example.yaml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/yaml;charset=UTF-8")
			.expectHeader()
			.valueEquals("Content-Disposition", "attachment; filename=\"ke-hoach-mau.yaml\"")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(example)
			.isEqualTo(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/main/plans/can-giuoc-2025.yaml")));
		String code = "kh-" + this.prefix;
		var form = new MultipartBodyBuilder();
		form.part("text", new String(example, java.nio.charset.StandardCharsets.UTF_8).replace("code: can-giuoc-2025",
				"code: " + code));
		this.client.post()
			.uri("/console/plans")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(form.build()))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals("Location", "/console/plans/" + code + "?imported=new");
	}

	@Test
	void importsAnUploadedFileAndReplacesThePlanWithTheSameCode() {
		String code = "kh-" + this.prefix;
		upload(code, "95").expectStatus().isSeeOther();
		upload(code, "90").expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals("Location", "/console/plans/" + code + "?imported=updated");
		assertThat(page("/console/plans/" + code)).contains("≥ 90%").doesNotContain("≥ 95%");
	}

	@Test
	void listsEveryProblemByFieldPathAndKeepsTheText() {
		String text = """
				code: Sai Mã
				issuer: X
				year: 1999
				mystery: <b>x</b>
				indicators:
				  - ref: "1"
				    name: A
				    target: 120
				    survey: { template: khong-co, method: satisfied-answers }
				""";
		var form = new MultipartBodyBuilder();
		form.part("text", text);
		String page = this.client.post()
			.uri("/console/plans")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(form.build()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Chưa nhập được kế hoạch", "<code>code</code>", "<code>year</code>",
				"<code>title</code>", "<code>mystery</code>", "<code>indicators[0].target</code>",
				"Mục tiêu là số từ 0 đến 100", "Mã kế hoạch gồm chữ thường", "Không nhận ra", "Unknown field");
		assertThat(page).contains("mystery: &lt;b&gt;x&lt;/b&gt;", "code: Sai Mã").doesNotContain("<b>x</b>");

		var broken = new MultipartBodyBuilder();
		broken.part("text", "code: [unclosed");
		assertThat(this.client.post()
			.uri("/console/plans")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(broken.build()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("<code>body</code>", "Nội dung không đúng cú pháp YAML/JSON");
	}

	@Test
	void letsOnlyAdministratorsImport() {
		WebTestClient manager = new StaffFixtures(this.client).clientFor(Role.UNIT_MANAGER, this.district);
		assertThat(manager.get()
			.uri("/console/plans")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).doesNotContain("Nhập kế hoạch</h2>", "name=\"text\"");
		var form = new MultipartBodyBuilder();
		form.part("text", yaml("kh-" + this.prefix, "95"));
		manager.post()
			.uri("/console/plans")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(form.build()))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get().uri("/api/v1/plans/kh-{prefix}", this.prefix).exchange().expectStatus().isNotFound();
	}

	private WebTestClient.ResponseSpec upload(String code, String target) {
		var form = new MultipartBodyBuilder();
		form.part("text", "");
		form.part("file", new ByteArrayResource(yaml(code, target).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {

			@Override
			public String getFilename() {
				return "ke-hoach.yaml";
			}

		}).contentType(MediaType.parseMediaType("application/yaml"));
		return this.client.post()
			.uri("/console/plans")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(form.build()))
			.exchange();
	}

	private String page(String uri) {
		return this.client.get()
			.uri(uri)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private String yaml(String code, String target) {
		return """
				code: %s
				issuer: Phòng GD&ĐT kiểm thử
				year: 2025
				title: Kế hoạch kiểm thử trang
				unit: %s
				indicators:
				  - ref: "4"
				    name: "Mức độ hài lòng <i>TTHC</i>"
				    target: %s
				    survey: { template: bao-cao, item: a1, method: satisfied-answers }
				  - ref: "2"
				    name: Hồ sơ trực tuyến
				    target: 100
				    reported: { numerator: Hồ sơ trực tuyến, denominator: Tổng số hồ sơ }
				""".formatted(code, this.district, target);
	}

}
