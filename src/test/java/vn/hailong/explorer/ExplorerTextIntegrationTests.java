package vn.hailong.explorer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's free-text view over HTTP on PostgreSQL: accent- and case-insensitive
 * search (the folded column V17 adds), narrowing by unit and by the answer to another
 * item, paging, word-list counts, the role rule shared with the comments page, and
 * refusals naming the field.
 */
@IntegrationTest
class ExplorerTextIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private String office;

	private String school1;

	private String school2;

	private long campaign;

	@BeforeEach
	void setUp() {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		this.office = units.get(0);
		this.school1 = units.get(1);
		this.school2 = units.get(2);
		this.campaign = fixtures.openCampaign("kiem-thu", List.of(this.school1, this.school2), Map.of("rateLimit", 0));
		answer(this.school1, "truc_tuyen", "Học phí cao quá");
		answer(this.school1, "truc_tiep", "HỌC PHÍ hợp lý, cán bộ niềm nở");
		answer(this.school1, "truc_tiep", "Đường vào trường xấu");
		// decomposed marks (NFD), as some keyboards send them; stored composed (NFC)
		answer(this.school1, "truc_tuyen", "Ho\u0323c phi\u0301 đóng đúng hạn");
		answer(this.school1, null, "Cần thêm chỗ để xe; 100% hài lòng");
		answer(this.school1, "truc_tiep", null);
		answer(this.school2, "truc_tuyen", "học phí");
		answer(this.school2, null, "Thái độ của cô giáo rất tốt");
	}

	@Test
	void findsAnswersWithoutRegardToAccentsOrCase() {
		Map<String, Object> page = texts("&q=hoc phi");
		assertThat(map(page, "paging")).containsEntry("answers", 7).containsEntry("total", 4);
		assertThat(list(page, "texts")).extracting((text) -> text.get("text"))
			.containsExactlyInAnyOrder("Học phí cao quá", "HỌC PHÍ hợp lý, cán bộ niềm nở", "Học phí đóng đúng hạn",
					"học phí");
		assertThat(map(search("HỌC  PHÍ"), "paging")).containsEntry("total", 4);
		assertThat(map(search("ho\u0323c phi\u0301"), "paging")).containsEntry("total", 4);
		assertThat(list(texts("&q=duong"), "texts")).extracting((text) -> text.get("text"))
			.containsExactly("Đường vào trường xấu");
		assertThat(list(search("đường"), "texts")).hasSize(1);
		// LIKE's wildcards are searched for as they are
		assertThat(list(search("100%"), "texts")).extracting((text) -> text.get("text"))
			.containsExactly("Cần thêm chỗ để xe; 100% hài lòng");
		assertThat(map(search("%"), "paging")).containsEntry("total", 1);
		assertThat(map(search("_"), "paging")).containsEntry("total", 0);
	}

	@Test
	void narrowsByUnitAndByTheAnswerToAnotherItem() {
		Map<String, Object> online = texts("&q=hoc+phi&item=kenh&value=truc_tuyen");
		assertThat(list(online, "texts")).extracting((text) -> text.get("text"))
			.containsExactlyInAnyOrder("Học phí cao quá", "Học phí đóng đúng hạn", "học phí");
		assertThat(map(online, "search")).containsEntry("item", "kenh").containsEntry("value", "truc_tuyen");
		Map<String, Object> school = texts("&unit=" + this.school2);
		assertThat(map(school, "covered")).containsEntry("unit", this.school2);
		assertThat(list(school, "texts")).extracting((text) -> text.get("unit")).containsOnly(this.school2);
		assertThat(list(school, "texts")).hasSize(2);
		Map<String, Object> first = list(texts("&unit=" + this.school2 + "&q=hoc+phi"), "texts").get(0);
		assertThat(first).containsEntry("unitName", "Trường Tiểu học Hai")
			.containsEntry("item", "y_kien")
			.containsKey("submitted");
		assertThat(map(first, "question")).containsEntry("vi", "Ý kiến khác").containsEntry("en", "Other comments");
		assertThat(first.get("submitted").toString()).matches("\\d{4}-\\d{2}-\\d{2}");
	}

	@Test
	void pagesNewestFirst() {
		Map<String, Object> first = texts("&size=3");
		assertThat(map(first, "paging")).containsEntry("pages", 3).containsEntry("total", 7);
		assertThat(list(first, "texts")).extracting((text) -> text.get("text"))
			.containsExactly("Thái độ của cô giáo rất tốt", "học phí", "Cần thêm chỗ để xe; 100% hài lòng");
		assertThat(list(texts("&size=3&page=3"), "texts")).hasSize(1);
		assertThat(list(texts("&size=3&page=4"), "texts")).isEmpty();
	}

	@Test
	void countsTheAnswersEachWordListMatches() {
		Map<String, Long> counts = listCounts(texts(""));
		// học phí in four answers; "đóng đúng hạn" is not "đóng tiền"
		assertThat(counts).containsEntry("hoc-phi", 4L)
			.containsEntry("thai-do", 2L) // "niềm nở", "thái độ"
			.containsEntry("co-so-vat-chat", 1L) // "chỗ để xe"
			.containsEntry("day-hoc", 0L) // "cô giáo" is not "giáo viên"
			.containsEntry("thoi-gian", 0L);
		// narrowed by the answer filter, not by the search
		assertThat(listCounts(texts("&q=xe&item=kenh&value=truc_tiep"))).containsEntry("hoc-phi", 1L)
			.containsEntry("thai-do", 1L);
		assertThat(list(texts(""), "wordLists").get(0)).containsEntry("code", "hoc-phi").containsKey("phrases");
	}

	@Test
	void isForRolesThatMayReadFreeTextLikeTheCommentsPage() {
		var staff = new StaffFixtures(this.client);
		WebTestClient viewer = staff.clientFor(Role.VIEWER, this.office);
		viewer.get()
			.uri("/api/v1/explorer/texts?campaign=" + this.campaign)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/forbidden");
		viewer.get()
			.uri("/api/v1/explorer/texts/export?campaign=" + this.campaign)
			.exchange()
			.expectStatus()
			.isForbidden();
		viewer.get().uri("/api/v1/campaigns/{id}/comments", this.campaign).exchange().expectStatus().isForbidden();
		WebTestClient manager = staff.clientFor(Role.UNIT_MANAGER, this.school2);
		Map<String, Object> own = manager.get()
			.uri("/api/v1/explorer/texts?campaign=" + this.campaign)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(list(own, "texts")).extracting((text) -> text.get("unit")).containsOnly(this.school2);
		manager.get()
			.uri("/api/v1/explorer/texts?campaign=" + this.campaign + "&unit=" + this.school1)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hailong.vn/problems/outside-scope");
	}

	@Test
	void refusesBadInputNamingTheFields() {
		this.client.get()
			.uri("/api/v1/explorer/texts?campaign=" + this.campaign + "&page=0&size=500&item=kenh&q=" + "x".repeat(201))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("page", "size", "q", "value"));
		this.client.get()
			.uri("/api/v1/explorer/texts?campaign=" + this.campaign + "&item=y_kien&value=a")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("item");
		this.client.get()
			.uri("/api/v1/explorer/texts?campaign=" + this.campaign + "&item=kenh&value=buu_dien")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("value");
		this.client.get()
			.uri("/api/v1/explorer/texts?campaign=abc")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("campaign");
		this.client.get()
			.uri("/api/v1/explorer/texts/export?campaign=" + this.campaign + "&format=pdf")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("format");
	}

	@Test
	void exportsTheMatchingTextsAndRecordsIt() {
		String csv = this.client.get()
			.uri("/api/v1/explorer/texts/export?campaign=" + this.campaign + "&unit=" + this.school1 + "&q=hoc+phi")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).startsWith("\uFEFFunit,unit_name,submitted,item,question,text\r\n");
		assertThat(csv.lines().skip(1).toList()).hasSize(3).allMatch((line) -> line.startsWith(this.school1 + ","));
		Map<String, Object> detail = lastAudit("explorer.texts-exported");
		assertThat(detail).containsEntry("q", "hoc phi").containsEntry("rows", 3).containsEntry("unit", this.school1);
	}

	private Map<String, Object> lastAudit(String action) {
		String json = this.database
			.sql("select detail::text from audit_event where action = :action order by id desc limit 1")
			.bind("action", action)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Map.class);
	}

	private static Map<String, Long> listCounts(Map<String, Object> page) {
		var counts = new HashMap<String, Long>();
		list(page, "wordLists")
			.forEach((list) -> counts.put((String) list.get("code"), ((Number) list.get("answers")).longValue()));
		return counts;
	}

	private Map<String, Object> texts(String query) {
		return this.client.get()
			.uri("/api/v1/explorer/texts?campaign=" + this.campaign + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private Map<String, Object> search(String q) {
		return this.client.get()
			.uri("/api/v1/explorer/texts?campaign={campaign}&q={q}", this.campaign, q)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> body, String key) {
		return (Map<String, Object>) body.get(key);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Map<String, Object> body, String key) {
		return (List<Map<String, Object>>) body.get(key);
	}

	private void answer(String unit, String channel, String text) {
		Map<String, Object> answers = new HashMap<>();
		answers.put("diem", 4);
		if (channel != null) {
			answers.put("kenh", channel);
			if (channel.equals("truc_tuyen")) {
				answers.put("truc_tuyen_de", 5);
			}
		}
		if (text != null) {
			answers.put("y_kien", text);
		}
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", this.campaign)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", unit, "answers", answers))
			.exchange()
			.expectStatus()
			.isCreated();
	}

}
