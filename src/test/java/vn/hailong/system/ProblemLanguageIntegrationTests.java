package vn.hailong.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API problems are worded in Vietnamese unless the client asks for English
 * ({@code Accept-Language: en} or {@code ?lang=en}); their type, status and every
 * {@code errors[].field} and {@code errors[].code} are the same in both languages.
 */
@IntegrationTest
class ProblemLanguageIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void notFoundIsVietnameseByDefault() {
		this.client.get()
			.uri("/api/v1/campaigns/{id}", 88888888)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/not-found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.title")
			.isEqualTo("Không tìm thấy")
			.jsonPath("$.detail")
			.isEqualTo("Không có đợt khảo sát '88888888'.");
	}

	@Test
	void notFoundIsEnglishOnRequest() {
		for (var request : List.of(
				this.client.get().uri("/api/v1/campaigns/{id}", 88888888).header(HttpHeaders.ACCEPT_LANGUAGE, "en"),
				this.client.get()
					.uri("/api/v1/campaigns/{id}", 88888888)
					.header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9,vi;q=0.5"),
				this.client.get().uri("/api/v1/campaigns/{id}?lang=en", 88888888))) {
			request.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://hailong.vn/problems/not-found")
				.jsonPath("$.title")
				.isEqualTo("Not found")
				.jsonPath("$.detail")
				.isEqualTo("Campaign '88888888' does not exist");
		}
	}

	@Test
	void vietnameseFirstInAcceptLanguageStaysVietnamese() {
		this.client.get()
			.uri("/api/v1/campaigns/{id}", 88888888)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "vi-VN,vi;q=0.9,en;q=0.8")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Không tìm thấy");
	}

	@Test
	@SuppressWarnings("unchecked")
	void fieldNamesAndCodesAreTheSameInBothLanguages() {
		Map<String, Object> bad = Map.of("code", "", "name", "", "level", "no-such-level");
		Map<String, Object> vietnamese = this.client.post()
			.uri("/api/v1/units")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(bad)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> english = this.client.post()
			.uri("/api/v1/units")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(bad)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(vietnamese).containsEntry("type", "https://hailong.vn/problems/invalid-request")
			.containsEntry("title", "Yêu cầu không hợp lệ");
		assertThat((String) vietnamese.get("detail")).startsWith("Yêu cầu có trường không hợp lệ: ").contains("code");
		assertThat(english).containsEntry("type", "https://hailong.vn/problems/invalid-request")
			.containsEntry("title", "Invalid request");
		assertThat((String) english.get("detail")).startsWith("The request has invalid fields: ").contains("code");
		List<Map<String, Object>> vietnameseErrors = (List<Map<String, Object>>) vietnamese.get("errors");
		List<Map<String, Object>> englishErrors = (List<Map<String, Object>>) english.get("errors");
		assertThat(vietnameseErrors).isNotEmpty();
		assertThat(vietnameseErrors.stream().map((error) -> error.get("field") + "/" + error.get("code")).toList())
			.isEqualTo(englishErrors.stream().map((error) -> error.get("field") + "/" + error.get("code")).toList());
	}

	@Test
	void frameworkRefusalsAreWordedToo() {
		this.client.get()
			.uri("/api/v1/no-such-thing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Không tìm thấy")
			.jsonPath("$.detail")
			.isEqualTo("Không có trang hoặc địa chỉ API này.");
	}

}
