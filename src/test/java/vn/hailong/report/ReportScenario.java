package vn.hailong.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Seeds a report's answers through the HTTP API, as the report's JSON, page and download
 * tests share them: open campaigns of the {@code bao-cao} template (items a1, a2 and b1
 * on a 1–5 scale, and a free-text y_kien) and groups of identical responses.
 */
public final class ReportScenario {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final WebTestClient client;

	/**
	 * A scenario made by an administrator.
	 * @param client a client signed in as an administrator
	 */
	public ReportScenario(WebTestClient client) {
		this.client = client;
	}

	/**
	 * Posts a plan in YAML.
	 * @param yaml the plan
	 */
	public void plan(String yaml) {
		this.client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(yaml)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	/**
	 * Launches and opens a campaign of the {@code bao-cao} template, open since yesterday
	 * for 30 days, without a rate limit (every test response comes from 127.0.0.1).
	 * @param period the campaign's period, such as {@code 2025-Q1}
	 * @param units the codes of the units surveyed
	 * @return the campaign's id
	 */
	public long campaign(String period, String... units) {
		Map<String, Object> created = this.client.post()
			.uri("/api/v1/campaigns")
			.bodyValue(Map.of("name", "Khảo sát " + period, "template", "bao-cao", "period", period, "opensAt",
					Instant.now().minus(1, ChronoUnit.DAYS).toString(), "closesAt",
					Instant.now().plus(30, ChronoUnit.DAYS).toString(), "units", List.of(units), "rateLimit", 0))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		long id = ((Number) created.get("id")).longValue();
		this.client.post().uri("/api/v1/campaigns/{id}/open", id).exchange().expectStatus().isOk();
		return id;
	}

	/**
	 * Posts identical responses, each with its own id and a numbered comment.
	 * @param campaign the campaign's id
	 * @param unit the unit answered for
	 * @param count how many responses
	 * @param a1 the answer to a1, 1–5
	 * @param a2 the answer to a2, 1–5
	 * @param b1 the answer to b1, 1–5
	 */
	public void answer(long campaign, String unit, int count, int a1, int a2, int b1) {
		for (int i = 0; i < count; i++) {
			this.client.post()
				.uri("/api/v1/campaigns/{id}/responses", campaign)
				.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", unit, "answers",
						Map.of("a1", a1, "a2", a2, "b1", b1, "y_kien", "Góp ý số " + i)))
				.exchange()
				.expectStatus()
				.isCreated();
		}
	}

	/**
	 * One indicator of a report read as JSON.
	 * @param report the report
	 * @param ref the indicator's reference
	 * @return the indicator
	 * @throws java.util.NoSuchElementException when the report has no such indicator
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> indicator(Map<String, Object> report, String ref) {
		return ((List<Map<String, Object>>) report.get("indicators")).stream()
			.filter((indicator) -> ref.equals(indicator.get("ref")))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Posts reported figures.
	 * @param plan the plan's code
	 * @param figures the figures, as the API takes them
	 * @return the exchange, for its status
	 */
	public WebTestClient.ResponseSpec figures(String plan, List<Map<String, Object>> figures) {
		return this.client.post().uri("/api/v1/plans/{plan}/figures", plan).bodyValue(figures).exchange();
	}

}
