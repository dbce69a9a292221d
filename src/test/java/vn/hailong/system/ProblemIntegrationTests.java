package vn.hailong.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.IntegrationTest;

/**
 * Failures the framework detects are problem details too.
 */
@IntegrationTest
class ProblemIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void answersUnsupportedMediaTypeAsProblem() {
		this.client.post()
			.uri("/api/v1/units")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("code=A")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/http-415");
	}

	@Test
	void answersMalformedPathAsProblem() {
		this.client.get()
			.uri("/api/v1/campaigns/abc")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
