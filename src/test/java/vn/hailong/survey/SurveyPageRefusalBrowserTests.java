package vn.hailong.survey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Chromium;
import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The respondent's page in headless Chromium when the server refuses: a 400 is shown next
 * to its item and never queued as if the network had failed; on a shared phone (a
 * campaign that takes repeat answers) a form whose id another tab has sent, or that the
 * server refuses with 409 as a conflict, becomes a fresh response with a new id, and the
 * spent id is never saved again.
 */
@IntegrationTest
class SurveyPageRefusalBrowserTests {

	private static Chromium chromium;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Fixtures fixtures;

	private String school;

	private long campaign;

	private BrowserContext context;

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.launch();
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		this.school = this.fixtures.district().get(1);
		this.campaign = this.fixtures.openCampaign("kiem-thu", List.of(this.school), Map.of("allowRepeat", true));
		this.context = chromium.phone(true);
	}

	@AfterEach
	void closeContext() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void showsA400NextToTheItemAndDoesNotQueueIt() {
		Page page = open();
		page.locator("#item-diem input[value='4']").check();
		page.locator(".nav .next").click();
		page.locator("#q-y_kien").fill("dán từ PDF");
		page.evaluate("() => { const t = document.getElementById('q-y_kien'); t.value = 'a\\u0000b'; "
				+ "t.dispatchEvent(new Event('input', { bubbles: true })); }");
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#err-y_kien")).hasText(
				"Câu trả lời có ký tự không lưu được (thường gặp khi sao chép từ tệp PDF). Vui lòng xoá và gõ lại.");
		assertThat(page.locator("#status")).not().hasAttribute("data-state", "queued");
		assertThat(page.locator("#thanks")).isHidden();
		Map<?, ?> draft = draft(page);
		assertThat(draft.get("queued")).isNotEqualTo(true);
		assertThat(draft.get("body")).isNull();
		assertThat(responses()).isZero();
		page.locator("#q-y_kien").fill("ab");
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#thanks")).isVisible();
		assertThat(responses()).isOne();
	}

	@Test
	void startsAFreshResponseWhenAnotherTabHasSentTheSameForm() {
		Page first = open();
		first.locator("#item-diem input[value='4']").check();
		Page second = open();
		assertThat(second.locator("#item-diem input[value='4']")).isChecked();
		String id = responseId(first);
		assertThat(responseId(second)).isEqualTo(id);

		first.locator(".nav .next").click();
		first.locator("button[type=submit]").click();
		assertThat(first.locator("#thanks")).isVisible();
		assertThat(stored(id)).isOne();

		assertThat(second.locator("#status")).hasAttribute("data-state", "fresh");
		assertThat(second.locator("#status")).containsText("một phiếu mới với mã mới");
		String renewed = responseId(second);
		assertThat(renewed).isNotEqualTo(id);
		assertThat(draft(second).get("id")).isEqualTo(renewed);
		second.locator(".nav .next").click();
		second.locator("button[type=submit]").click();
		assertThat(second.locator("#thanks")).isVisible();
		assertThat(stored(renewed)).isOne();
		assertThat(responses()).isEqualTo(2);

		Page third = open();
		assertThat(responseId(third)).isNotIn(id, renewed);
	}

	@Test
	void startsAFreshResponseAfterA409ConflictAndNeverSavesTheSpentId() {
		Page first = open();
		first.locator("#item-diem input[value='4']").check();
		String id = responseId(first);
		// the same draft in a tab that will not hear of the first one's success (here a
		// second profile holding a copy of it, as a page restored from a saved state
		// does)
		BrowserContext other = chromium.phone(true);
		try {
			Page second = other.newPage();
			second.navigate(url());
			second.evaluate("([key, value]) => localStorage.setItem(key, value)",
					List.of(key(), (String) first.evaluate("(key) => localStorage.getItem(key)", key())));
			second.reload();
			assertThat(second.locator("input[name=id]")).hasValue(id);
			second.locator("#item-diem input[value='2']").check();

			first.locator(".nav .next").click();
			first.locator("button[type=submit]").click();
			assertThat(first.locator("#thanks")).isVisible();

			second.locator(".nav .next").click();
			second.locator("button[type=submit]").click();
			assertThat(second.locator("#status")).hasAttribute("data-state", "fresh");
			assertThat(second.locator("#status")).containsText("một phiếu mới với mã mới");
			String renewed = responseId(second);
			assertThat(renewed).isNotEqualTo(id);
			assertThat(draftIn(second).get("id")).isEqualTo(renewed);
			second.locator("#q-y_kien").fill("tiếp");
			assertThat(draftIn(second).get("id")).isEqualTo(renewed);
			second.locator("button[type=submit]").click();
			assertThat(second.locator("#thanks")).isVisible();
			assertThat(stored(renewed)).isOne();
			assertThat(stored(id)).isOne();
			assertThat(this.fixtures.count(
					"select count(*) from answer where response_id = $1 and item = 'diem' and value = '4'",
					UUID.fromString(id)))
				.isOne();
			assertThat(responses()).isEqualTo(2);
		}
		finally {
			other.close();
		}
	}

	private Page open() {
		Page page = this.context.newPage();
		page.navigate(url());
		return page;
	}

	private String url() {
		return "http://localhost:" + this.port + "/s/" + this.campaign + "/" + this.school;
	}

	private String key() {
		return "hailong:/s/" + this.campaign + "/" + this.school;
	}

	private Map<?, ?> draft(Page page) {
		return draftIn(page);
	}

	private Map<?, ?> draftIn(Page page) {
		Object value = page.evaluate("(key) => JSON.parse(localStorage.getItem(key))", key());
		return (value instanceof Map<?, ?> map) ? map : Map.of();
	}

	private static String responseId(Page page) {
		return page.locator("input[name=id]").inputValue();
	}

	private long stored(String id) {
		return this.fixtures.count("select count(*) from response where id = $1", UUID.fromString(id));
	}

	private long responses() {
		return this.fixtures.count("select count(*) from response where campaign_id = $1", this.campaign);
	}

}
