package vn.hailong.comment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign's free-text answers over HTTP on PostgreSQL: newest first, paged, with unit
 * and question, limited to one unit on request, and refusals naming the offending field.
 */
@IntegrationTest
class CommentIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private String school1;

	private String school2;

	private long campaign;

	@BeforeEach
	void setUp() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		this.school1 = units.get(1);
		this.school2 = units.get(2);
		this.campaign = fixtures.openCampaign("kiem-thu", List.of(this.school1, this.school2));
	}

	@Test
	void listsAnswersNewestFirstWithUnitAndQuestionAPageAtATime() {
		answer(this.school1, "Thủ tục nhanh");
		answer(this.school2, "Cán bộ nhiệt tình");
		answer(this.school1, null);
		answer(this.school1, "Cần thêm chỗ để xe");
		Map<String, Object> first = comments("?size=2");
		assertThat(first).containsEntry("total", 3)
			.containsEntry("pages", 2)
			.containsEntry("page", 1)
			.containsEntry("size", 2)
			.containsEntry("unit", null)
			.containsEntry("name", "Khảo sát quý I");
		assertThat(list(first, "comments")).extracting((comment) -> comment.get("text"))
			.containsExactly("Cần thêm chỗ để xe", "Cán bộ nhiệt tình");
		assertThat(list(first, "comments").get(1)).containsEntry("unit", this.school2)
			.containsEntry("unitName", "Trường Tiểu học Hai")
			.containsEntry("item", "y_kien")
			.containsEntry("question", "Ý kiến khác")
			.containsKey("receivedAt");
		assertThat(list(first, "units")).extracting((unit) -> unit.get("code"))
			.containsExactly(this.school1, this.school2);
		Map<String, Object> second = comments("?size=2&page=2");
		assertThat(list(second, "comments")).extracting((comment) -> comment.get("text"))
			.containsExactly("Thủ tục nhanh");
		assertThat(list(comments("?size=2&page=3"), "comments")).isEmpty();
	}

	@Test
	void limitsAnswersToOneUnitOnRequest() {
		answer(this.school1, "Một");
		answer(this.school2, "Hai");
		Map<String, Object> page = comments("?unit=" + this.school2);
		assertThat(page).containsEntry("unit", this.school2).containsEntry("total", 1);
		assertThat(list(page, "comments")).extracting((comment) -> comment.get("text")).containsExactly("Hai");
	}

	@Test
	void refusesBadPagingAnUnknownUnitAndAnUnknownCampaign() {
		this.client.get()
			.uri("/api/v1/campaigns/{id}/comments?page=0&size=1000", this.campaign)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("page", "size"));
		this.client.get()
			.uri("/api/v1/campaigns/{id}/comments?unit=KHONG-CO", this.campaign)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("unit");
		this.client.get()
			.uri("/api/v1/campaigns/{id}/comments", Long.MAX_VALUE)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private Map<String, Object> comments(String query) {
		return this.client.get()
			.uri("/api/v1/campaigns/" + this.campaign + "/comments" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private void answer(String unit, String text) {
		var answers = new HashMap<String, Object>();
		answers.put("diem", 4);
		if (text != null) {
			answers.put("y_kien", text);
		}
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", this.campaign)
			.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", unit, "answers", answers))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> page, String key) {
		return (List<Map<String, Object>>) page.get(key);
	}

}
