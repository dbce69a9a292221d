package vn.hailong.survey;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.BrowserExtension;
import vn.hailong.BrowserExtension.Browsing;
import vn.hailong.Chromium;
import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The respondent's page in a real headless Chromium at a phone's 360×640: answering one
 * section at a time, resuming after a reload, sending once after the network returns, and
 * the plain form with JavaScript off.
 */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class SurveyPageBrowserTests {

	private Browsing browsing;

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

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		this.school = this.fixtures.district().get(1);
		this.campaign = this.fixtures.openCampaign("kiem-thu", List.of(this.school));
	}

	@Test
	void answersOneSectionAtATimeAndSubmits() {
		Page page = open(true);
		assertThat(page.locator("#progress-text")).hasText("Phần 1/2");
		assertThat(page.locator("#s-khac")).isHidden();
		assertThat(page.locator("#item-truc_tuyen_de")).isHidden();
		page.locator("#item-diem input[value='4']").check();
		page.locator("#item-kenh input[value='truc_tuyen']").check();
		assertThat(page.locator("#item-truc_tuyen_de")).isVisible();
		page.locator(".nav .next").click();
		assertThat(page.locator("#error-summary")).isFocused();
		assertThat(page.locator("#err-truc_tuyen_de")).hasText("Vui lòng trả lời câu này.");
		page.locator("#item-truc_tuyen_de input[value='5']").check();
		page.locator(".nav .next").click();
		assertThat(page.locator("#s-khac")).isFocused();
		assertThat(page.locator("#progress-text")).hasText("Phần 2/2");
		assertThat(page.locator("#s-chung")).isHidden();
		page.locator("#item-cai_thien input[value='co_so']").check();
		page.locator("#q-so_lan").fill("2");
		page.locator("#q-y_kien").fill("Cần thêm ghế chờ");
		String id = responseId(page);
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#thanks")).isVisible();
		assertThat(page.locator("#thanks h2")).hasText("Cảm ơn Ông/Bà!");
		assertThat(stored(id)).isOne();
		assertThat(this.fixtures.count("select count(*) from answer where response_id = $1", UUID.fromString(id)))
			.isEqualTo(5);
		assertThat(responses()).isOne();
		assertThat((String) page.evaluate("() => JSON.stringify(localStorage)")).isEqualTo("{}");
	}

	@Test
	void resumesAfterReloadWithTheSameAnswersAndId() {
		Page page = open(true);
		page.locator("#item-diem input[value='3']").check();
		page.locator("#item-kenh input[value='truc_tuyen']").check();
		page.locator("#item-truc_tuyen_de input[value='2']").check();
		page.locator(".nav .next").click();
		page.locator("#q-y_kien").fill("Đang viết dở");
		String id = responseId(page);
		page.reload();
		assertThat(page.locator("#status")).hasText("Các câu trả lời Ông/Bà nhập trước đó đã được khôi phục.");
		assertThat(page.locator("#progress-text")).hasText("Phần 2/2");
		assertThat(page.locator("#q-y_kien")).hasValue("Đang viết dở");
		assertThat(responseId(page)).isEqualTo(id);
		page.locator(".nav .back").click();
		assertThat(page.locator("#item-diem input[value='3']")).isChecked();
		assertThat(page.locator("#item-truc_tuyen_de input[value='2']")).isChecked();
		page.locator(".nav .next").click();
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#thanks")).isVisible();
		assertThat(stored(id)).isOne();
		assertThat(responses()).isOne();
	}

	@Test
	void queuesTheSubmissionOfflineAndStoresItOnceWhenTheNetworkReturns() {
		Page page = open(true);
		page.waitForFunction("() => navigator.serviceWorker.controller !== null");
		page.locator("#survey-form[data-offline=ready]")
			.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
		page.locator("#item-diem input[value='5']").check();
		String id = responseId(page);
		this.context.setOffline(true);
		page.reload();
		assertThat(page.locator("#item-diem input[value='5']")).isChecked();
		page.locator(".nav .next").click();
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#status")).containsText("phiếu đã được lưu trên điện thoại này");
		assertThat(page.locator("#status")).hasAttribute("data-state", "waiting");
		assertThat(page.locator("#thanks")).isHidden();
		assertThat(stored(id)).isZero();
		this.context.setOffline(false);
		assertThat(page.locator("#thanks")).isVisible();
		assertThat(stored(id)).isOne();
		assertThat(responses()).isOne();
	}

	@Test
	void showsWhyTheServerRefusedAndKeepsTheAnswers() {
		Page page = open(true);
		page.locator("#item-diem input[value='4']").check();
		this.client.post().uri("/api/v1/campaigns/{id}/close", this.campaign).exchange().expectStatus().isOk();
		page.locator(".nav .next").click();
		page.locator("button[type=submit]").click();
		assertThat(page.locator("#status")).hasAttribute("data-state", "refused");
		assertThat(page.locator("#status")).hasText("Đợt khảo sát này hiện không nhận phiếu.");
		assertThat(page.locator("#status")).isFocused();
		assertThat(page.locator("#thanks")).isHidden();
		page.locator(".nav .back").click();
		assertThat(page.locator("#item-diem input[value='4']")).isChecked();
		assertThat(responses()).isZero();
	}

	@Test
	void submitsThePlainFormWithJavaScriptOff() {
		Page page = open(false);
		assertThat(page.locator("#s-khac")).isVisible();
		assertThat(page.locator("#item-truc_tuyen_de .hint")).isVisible();
		page.locator("#item-diem input[value='4']").check();
		page.locator("#item-kenh input[value='truc_tiep']").check();
		page.locator("#q-so_lan").fill("1");
		String id = responseId(page);
		page.locator("button[type=submit]").click();
		page.waitForURL("**/cam-on?lang=vi");
		assertThat(page.locator("h1")).hasText("Cảm ơn Ông/Bà!");
		assertThat(stored(id)).isOne();
	}

	private Page open(boolean javaScript) {
		this.context = this.browsing.phone(javaScript);
		Page page = this.context.newPage();
		page.navigate("http://localhost:" + this.port + "/s/" + this.campaign + "/" + this.school);
		return page;
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
