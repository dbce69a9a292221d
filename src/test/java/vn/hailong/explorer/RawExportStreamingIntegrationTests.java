package vn.hailong.explorer;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffTestConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The raw data export streams: a campaign of 100,000 responses, each with a long
 * free-text answer (written straight into the tables), is exported as CSV while the JVM's
 * live heap is measured after a full collection every 8 MB read. Made whole in memory,
 * the file's texts alone would hold more than 100 MB; streamed, the live heap grows by
 * far less. The client reads with the JDK's HTTP client, which keeps nothing it has read
 * (WebTestClient would record the whole body).
 */
@IntegrationTest
class RawExportStreamingIntegrationTests {

	private static final int RESPONSES = 100_000;

	private static final long MB = 1024 * 1024;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@LocalServerPort
	private int port;

	@Test
	void keepsTheHeapFlatWhileExportingALargeCampaign() throws Exception {
		var fixtures = new Fixtures(this.client, this.database);
		List<String> units = fixtures.district();
		long campaign = fixtures.openCampaign("kiem-thu", List.of(units.get(1)));
		long unit = fixtures.count("select id from unit where code = $1", units.get(1));
		String text = "Học phí cao, đường đến trường xa và ngập khi mưa; mong nhà trường thông báo sớm hơn. ".repeat(8);
		this.database.sql("""
				insert into response (id, campaign_id, unit_id, content_hash)
				select gen_random_uuid(), :campaign, :unit, sha256(int4send(i)) from generate_series(1, :n) as i
				""").bind("campaign", campaign).bind("unit", unit).bind("n", RESPONSES).fetch().rowsUpdated().block();
		this.database.sql("""
				insert into answer (response_id, campaign_id, unit_id, item, value, position)
				select r.id, r.campaign_id, r.unit_id, a.item, a.value, 0
				from response r cross join (values ('diem', '4'), ('kenh', 'truc_tiep')) as a (item, value)
				where r.campaign_id = :campaign
				""").bind("campaign", campaign).fetch().rowsUpdated().block();
		this.database.sql("""
				insert into free_text_answer (response_id, item, text)
				select r.id, 'y_kien', :text || r.id from response r where r.campaign_id = :campaign
				""").bind("campaign", campaign).bind("text", text).fetch().rowsUpdated().block();

		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long before = liveHeap(memory);
		long peak = before;
		long read = 0;
		long lines = 0;
		var request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/explorer/export?campaign=" + campaign))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((StaffTestConfiguration.ADMIN_USERNAME + ":" + StaffTestConfiguration.ADMIN_PASSWORD)
					.getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Encoding", "identity")
			.build();
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		byte[] chunk = new byte[64 * 1024];
		long nextCheck = 8 * MB;
		try (InputStream body = response.body()) {
			for (int n = body.read(chunk); n >= 0; n = body.read(chunk)) {
				read += n;
				for (int i = 0; i < n; i++) {
					if (chunk[i] == '\n') {
						lines++;
					}
				}
				if (read >= nextCheck) {
					peak = Math.max(peak, liveHeap(memory));
					nextCheck += 8 * MB;
				}
			}
		}
		long after = liveHeap(memory);
		System.out.printf("streaming export: %d lines, %d MB read, live heap %d MB before, at most %d MB during,"
				+ " %d MB after%n", lines, read / MB, before / MB, peak / MB, after / MB);
		assertThat(lines).isEqualTo(RESPONSES + 1);
		assertThat(read).isGreaterThan(80 * MB);
		assertThat(peak - before).as("live heap growth while streaming").isLessThan(48 * MB);
	}

	private static long liveHeap(MemoryMXBean memory) {
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

}
