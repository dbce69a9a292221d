package vn.hailong;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sets up units and campaigns through the public API, with codes unique to each test.
 */
public final class Fixtures {

	private final WebTestClient client;

	private final DatabaseClient database;

	public Fixtures(WebTestClient client, DatabaseClient database) {
		this.client = client;
		this.database = database;
	}

	/**
	 * Creates a district office and two schools below it.
	 * @return the codes: office, first school, second school
	 */
	public List<String> district() {
		String prefix = UUID.randomUUID().toString().substring(0, 8);
		var office = prefix + "-PGD";
		var school1 = prefix + "-TH1";
		var school2 = prefix + "-TH2";
		this.client.post()
			.uri("/api/v1/units/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(unit(office, "Phòng GD&ĐT", "district_office", null, 1000),
					unit(school1, "Trường Tiểu học Một", "primary", office, 600),
					unit(school2, "Trường Tiểu học Hai", "primary", office, 400)))
			.exchange()
			.expectStatus()
			.isOk();
		return List.of(office, school1, school2);
	}

	/**
	 * Creates and opens a campaign on the given template for the given units.
	 * @return the campaign's id
	 */
	public long openCampaign(String template, List<String> units) {
		return openCampaign(template, units, Map.of());
	}

	/**
	 * Creates and opens a campaign with the given respondent guards.
	 * @param guards settings such as {@code access}, {@code allowRepeat},
	 * {@code rateLimit}
	 * @return the campaign's id
	 */
	public long openCampaign(String template, List<String> units, Map<String, Object> guards) {
		long id = draftCampaign(template, units, Instant.now().minus(1, ChronoUnit.DAYS),
				Instant.now().plus(30, ChronoUnit.DAYS), guards);
		this.client.post().uri("/api/v1/campaigns/{id}/open", id).exchange().expectStatus().isOk();
		return id;
	}

	public long draftCampaign(String template, List<String> units, Instant opensAt, Instant closesAt) {
		return draftCampaign(template, units, opensAt, closesAt, Map.of());
	}

	public long draftCampaign(String template, List<String> units, Instant opensAt, Instant closesAt,
			Map<String, Object> guards) {
		var body = new java.util.HashMap<String, Object>(Map.of("name", "Khảo sát quý I", "template", template,
				"period", "2025-Q1", "opensAt", opensAt.toString(), "closesAt", closesAt.toString(), "units", units));
		body.putAll(guards);
		Map<?, ?> created = this.client.post()
			.uri("/api/v1/campaigns")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) created.get("id")).longValue();
	}

	public long count(String sql, Object... parameters) {
		var spec = this.database.sql(sql);
		for (int i = 0; i < parameters.length; i++) {
			spec = spec.bind(i, parameters[i]);
		}
		return spec.map((row) -> row.get(0, Long.class)).one().block();
	}

	/**
	 * A unit as the import API takes it.
	 */
	public static Map<String, Object> unit(String code, String name, String level, String parent, int population) {
		var unit = new java.util.HashMap<String, Object>();
		unit.put("code", code);
		unit.put("name", name);
		unit.put("level", level);
		unit.put("parent", parent);
		unit.put("population", population);
		return unit;
	}

}
