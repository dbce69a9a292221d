package vn.hailong.survey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a phone downloads for the survey of the largest shipped template, as the server
 * sends it compressed: page (its style sheet inlined), script and service worker together
 * at most 30 KB; and how long each may be kept.
 */
@IntegrationTest
class SurveyPageWeightIntegrationTests {

	static final int BUDGET = 30 * 1024;

	private static final Pattern ASSET = Pattern.compile("src=\"(/survey-[0-9a-f]{32}\\.js)\"");

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	private String root;

	private String page;

	@BeforeEach
	void setUp() {
		var fixtures = new Fixtures(this.client, this.database);
		String school = fixtures.district().get(1);
		long campaign = fixtures.openCampaign("phu-huynh-truong-cong-lap", List.of(school));
		this.page = "/s/" + campaign + "/" + school;
		this.root = "http://localhost:" + this.port;
	}

	@ParameterizedTest
	@ValueSource(strings = { "gzip", "br" })
	void weighsAtMost30KilobytesCompressed(String encoding) throws Exception {
		List<String> files = new ArrayList<>(List.of(this.page));
		files.addAll(assets());
		files.add(SurveyWorkerController.PATH);
		assertThat(files).hasSize(3);
		long total = 0;
		for (String file : files) {
			HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.root + file))
				.header(HttpHeaders.ACCEPT_ENCODING, encoding)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(file).isEqualTo(200);
			assertThat(response.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).as(file).hasValue(encoding);
			total += response.body().length;
		}
		assertThat(total).isLessThanOrEqualTo(BUDGET);
	}

	@Test
	void keepsContentHashedFilesForAYearAndRevalidatesTheServiceWorker() {
		for (String asset : assets()) {
			this.client.get()
				.uri(asset)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
		}
		String etag = this.client.get()
			.uri(SurveyWorkerController.PATH)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
			.expectHeader()
			.contentType("text/javascript;charset=UTF-8")
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		this.client.get()
			.uri(SurveyWorkerController.PATH)
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void loadsNothingFromOtherSites() {
		String html = html();
		assertThat(html).doesNotContainPattern("(?:href|src)=\"(?:https?:)?//");
		assertThat(html).doesNotContain("@import").doesNotContain("fonts.");
	}

	private List<String> assets() {
		Matcher matcher = ASSET.matcher(html());
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private String html() {
		return this.client.get()
			.uri(this.page)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
