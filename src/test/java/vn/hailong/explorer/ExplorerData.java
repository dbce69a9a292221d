package vn.hailong.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The data set of the groups and importance–performance tests
 * ({@code src/test/resources/explorer/kham-pha.csv}, whose expected figures
 * {@code src/test/r/explorer-groups-priorities.R} computes), posted through the API to a
 * campaign on the {@code kham-pha} test template: odd rows to the first school, even rows
 * to the second.
 */
public final class ExplorerData {

	private ExplorerData() {
	}

	/**
	 * Creates and opens a campaign on {@code kham-pha} for two schools, and posts the 60
	 * rows.
	 * @param client a client signed in as an administrator
	 * @param school1 the first school's code
	 * @param school2 the second school's code
	 * @return the campaign's id
	 */
	public static long load(WebTestClient client, String school1, String school2) {
		Map<?, ?> created = client.post()
			.uri("/api/v1/campaigns")
			.bodyValue(Map.of("name", "Khảo sát khám phá", "template", "kham-pha", "period", "2025-Q1", "opensAt",
					Instant.now().minus(1, ChronoUnit.DAYS).toString(), "closesAt",
					Instant.now().plus(30, ChronoUnit.DAYS).toString(), "units", List.of(school1, school2), "rateLimit",
					0))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		long campaign = ((Number) created.get("id")).longValue();
		client.post().uri("/api/v1/campaigns/{id}/open", campaign).exchange().expectStatus().isOk();
		for (String[] row : rows()) {
			int id = Integer.parseInt(row[0]);
			var answers = new HashMap<String, Object>();
			answers.put("nhom", row[1]);
			answers.put("noi_tru", row[2].equals("yes"));
			answers.put("kenh", Arrays.asList(row[3].split(";")));
			answers.put("d1", Integer.parseInt(row[4]));
			answers.put("d2", Integer.parseInt(row[5]));
			answers.put("c1", Integer.parseInt(row[6]));
			answers.put("c2", row[7].equals("na") ? "na" : Integer.parseInt(row[7]));
			answers.put("hl", Integer.parseInt(row[8]));
			client.post()
				.uri("/api/v1/campaigns/{id}/responses", campaign)
				.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", (id % 2 == 1) ? school1 : school2,
						"answers", answers))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		return campaign;
	}

	static List<String[]> rows() {
		try {
			return Files.readAllLines(Path.of("src/test/resources/explorer/kham-pha.csv"), StandardCharsets.UTF_8)
				.stream()
				.skip(1)
				.map((line) -> line.split(","))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
