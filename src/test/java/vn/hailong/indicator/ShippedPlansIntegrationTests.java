package vn.hailong.indicator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two seed plans shipped in {@code src/main/plans} import through the API with every
 * indicator of DOMAIN.md's tables, and report before any data arrives.
 */
@IntegrationTest
class ShippedPlansIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void importsCanGiuocWithItsSurveyAndReportedIndicators() throws IOException {
		Map<String, Object> plan = importPlan("can-giuoc-2025.yaml");
		assertThat(refs(plan)).containsExactly("2", "3", "4", "5", "8", "9", "12", "13", "14");
		assertThat(indicator(plan, "4")).containsEntry("comparator", ">=").containsEntry("target", 95.0);
		assertThat(indicator(plan, "9")).containsEntry("target", 90.0);
		assertThat(map(indicator(plan, "9").get("survey"))).containsEntry("templates",
				List.of("phu-huynh-mam-non", "phu-huynh-tieu-hoc", "phu-huynh-trung-hoc"));
		assertThat(indicator(plan, "5")).containsEntry("comparator", ">");
		assertThat(map(indicator(plan, "8").get("survey"))).containsEntry("template", "hai-long-co-quan-giao-duc")
			.containsEntry("method", "factor-mean");
		assertThat(map(indicator(plan, "4").get("survey"))).containsEntry("template", "sipas-tthc-giao-duc")
			.containsEntry("method", "factor-mean");
		assertThat(map(indicator(plan, "13").get("reported"))).containsKeys("numerator", "denominator");
		this.client.get()
			.uri("/api/v1/plans/can-giuoc-2025/report?period=2025")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.indicators[0].overall.verdict")
			.isEqualTo("no-data");
	}

	@Test
	void importsCaMauWithItsSurveyAndReportedIndicators() throws IOException {
		Map<String, Object> plan = importPlan("ca-mau-2024.yaml");
		assertThat(refs(plan)).containsExactly("a", "c1", "c2", "d", "đ1", "đ2", "e", "i", "k", "l", "m");
		assertThat(indicator(plan, "m")).containsEntry("target", 90.0);
		assertThat(map(indicator(plan, "m").get("survey"))).containsEntry("method", "factor-mean");
		assertThat(indicator(plan, "a")).doesNotContainKey("target");
		assertThat(map(indicator(plan, "a").get("survey")))
			.containsEntry("templates", List.of("phu-huynh-mam-non", "phu-huynh-tieu-hoc", "phu-huynh-trung-hoc"))
			.containsEntry("item", "hl_chung");
		assertThat(indicator(plan, "l")).containsEntry("target", 40.0);
	}

	private Map<String, Object> importPlan(String file) throws IOException {
		String yaml = Files.readString(Path.of("src/main/plans", file));
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(yaml)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		return this.client.get()
			.uri("/api/v1/plans/{code}", file.replace(".yaml", ""))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static List<String> refs(Map<String, Object> plan) {
		return ((List<Map<String, Object>>) plan.get("indicators")).stream()
			.map((indicator) -> (String) indicator.get("ref"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> indicator(Map<String, Object> plan, String ref) {
		return ((List<Map<String, Object>>) plan.get("indicators")).stream()
			.filter((indicator) -> ref.equals(indicator.get("ref")))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
