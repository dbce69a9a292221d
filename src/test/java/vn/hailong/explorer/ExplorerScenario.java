package vn.hailong.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;

/**
 * Seeds the explorer's tests through the HTTP API: a district office with five schools
 * (S1 to S5), an open campaign of the {@code kiem-thu} template over them, and the 35
 * responses of {@code src/test/resources/explorer/kiem-thu-answers.csv}, the data set
 * {@code src/test/r/explorer.R} computes the reference values on (S4 and S5 have 3 and 2
 * responses, fewer than the minimum cell size of 5).
 */
public final class ExplorerScenario {

	private final WebTestClient client;

	private final Fixtures fixtures;

	/** The district office's code. */
	public final String district;

	/** The schools' codes, S1 to S5. */
	public final List<String> schools = new ArrayList<>();

	/** The campaign's id. */
	public final long campaign;

	/**
	 * Makes the units and the campaign and posts the answers.
	 * @param client a client signed in as an administrator
	 * @param database the test database
	 */
	public ExplorerScenario(WebTestClient client, DatabaseClient database) {
		this.client = client;
		this.fixtures = new Fixtures(client, database);
		String prefix = UUID.randomUUID().toString().substring(0, 8);
		this.district = prefix + "-PGD";
		var units = new ArrayList<Map<String, Object>>();
		units.add(Fixtures.unit(this.district, "Phòng GD&ĐT Khám Phá", "district_office", null, 0));
		for (int i = 1; i <= 5; i++) {
			this.schools.add(prefix + "-S" + i);
			units.add(Fixtures.unit(prefix + "-S" + i, "Trường Tiểu học số " + i, "primary", this.district, 500));
		}
		client.post().uri("/api/v1/units/import").bodyValue(units).exchange().expectStatus().isOk();
		this.campaign = this.fixtures.openCampaign("kiem-thu", this.schools, Map.of("rateLimit", 0));
		for (String[] row : rows()) {
			post(row);
		}
	}

	/** The school of a data-set unit name, S1 to S5. */
	public String school(String name) {
		return this.schools.get(Integer.parseInt(name.substring(1)) - 1);
	}

	private void post(String[] row) {
		var answers = new HashMap<String, Object>();
		answers.put("diem", Integer.parseInt(row[1]));
		put(answers, "kenh", row[2]);
		if (!"NA".equals(row[3])) {
			answers.put("truc_tuyen_de", Integer.parseInt(row[3]));
		}
		if (!"NA".equals(row[4])) {
			answers.put("gop_y", "yes".equals(row[4]));
		}
		if (!"NA".equals(row[5])) {
			answers.put("gop_y_xu_ly", Integer.parseInt(row[5]));
		}
		if (!"NA".equals(row[6])) {
			answers.put("cai_thien", List.of(row[6].split("\\|")));
		}
		if (!"NA".equals(row[7])) {
			answers.put("so_lan", Integer.parseInt(row[7]));
		}
		this.client.post()
			.uri("/api/v1/campaigns/{id}/responses", this.campaign)
			.bodyValue(Map.of("id", UUID.randomUUID().toString(), "unit", school(row[0]), "answers", answers))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private static void put(Map<String, Object> answers, String item, String value) {
		if (!"NA".equals(value)) {
			answers.put(item, value);
		}
	}

	private static List<String[]> rows() {
		try {
			String csv = new ClassPathResource("explorer/kiem-thu-answers.csv")
				.getContentAsString(StandardCharsets.UTF_8);
			return csv.lines().skip(1).filter((line) -> !line.isBlank()).map((line) -> line.split(",")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
