package vn.hailong.system;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.StaffFixtures;
import vn.hailong.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every staff endpoint and page with anonymous access and with each role, at the
 * unit that owns the data and at a sibling unit, and checks each is let in or refused.
 * The list of endpoints is checked against the application's own request mappings, so a
 * new endpoint without a row here fails the test.
 */
@IntegrationTest
class StaffEndpointAccessIntegrationTests {

	/** Open to anyone: the respondent's side. */
	private static final Set<String> ANONYMOUS_ENDPOINTS = Set.of("GET /s/{campaign}/{unit}",
			"POST /s/{campaign}/{unit}", "GET /s/{campaign}/{unit}/cam-on", "GET /s/sw.js",
			"POST /api/v1/campaigns/{campaign}/responses", "GET /console/login");

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	/**
	 * Who calls: no one, a viewer and a manager of school A, a manager of school B, an
	 * administrator.
	 */
	enum Who {

		ANONYMOUS, VIEWER_A, MANAGER_A, MANAGER_B, ADMINISTRATOR

	}

	private static final Set<Who> STAFF = EnumSet.of(Who.VIEWER_A, Who.MANAGER_A, Who.MANAGER_B, Who.ADMINISTRATOR);

	private static final Set<Who> READERS_OF_A = EnumSet.of(Who.VIEWER_A, Who.MANAGER_A, Who.ADMINISTRATOR);

	private static final Set<Who> MANAGERS_OF_A = EnumSet.of(Who.MANAGER_A, Who.ADMINISTRATOR);

	private static final Set<Who> MANAGERS = EnumSet.of(Who.MANAGER_A, Who.MANAGER_B, Who.ADMINISTRATOR);

	private static final Set<Who> ADMINISTRATORS = EnumSet.of(Who.ADMINISTRATOR);

	/** The data every row works on: school A's campaign, a viewer at A, a plan. */
	record World(String district, String schoolA, String schoolB, long campaignA, long invitationCampaignA,
			long viewerAId, String plan, String templateA) {
	}

	record Row(String endpoint, Function<World, String> uri, Function<World, Object> body, MediaType contentType,
			Set<Who> allowed) {

		HttpMethod method() {
			return HttpMethod.valueOf(this.endpoint.substring(0, this.endpoint.indexOf(' ')));
		}

		boolean page() {
			return !this.endpoint.contains(" /api/");
		}

	}

	@Test
	void letsInExactlyTheRolesAndUnitsEachStaffEndpointAllows() {
		var fixtures = new Fixtures(this.client, this.database);
		var staff = new StaffFixtures(this.client);
		List<String> units = fixtures.district();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long campaignA = fixtures.openCampaign("kiem-thu", List.of(units.get(1)));
		long invitationCampaignA = fixtures.openCampaign("kiem-thu", List.of(units.get(1)),
				Map.of("access", "invitation"));
		String viewerA = staff.member(Role.VIEWER, units.get(1));
		long viewerAId = fixtures.count("select id from staff_member where username = $1", viewerA);
		String templateA = "mau-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.post()
			.uri("/api/v1/templates?unit={unit}", units.get(1))
			.contentType(MediaType.parseMediaType("application/yaml"))
			.bodyValue(template(templateA))
			.exchange()
			.expectStatus()
			.isCreated();
		this.client.post()
			.uri("/api/v1/templates/{code}/versions/1/publish", templateA)
			.exchange()
			.expectStatus()
			.isOk();
		var world = new World(units.get(0), units.get(1), units.get(2), campaignA, invitationCampaignA, viewerAId,
				"no-such-plan", templateA);

		Map<Who, WebTestClient> clients = new EnumMap<>(Who.class);
		clients.put(Who.ANONYMOUS, staff.anonymous());
		clients.put(Who.VIEWER_A,
				staff.anonymous()
					.mutate()
					.defaultHeaders((headers) -> headers.setBasicAuth(viewerA, StaffFixtures.PASSWORD))
					.build());
		clients.put(Who.MANAGER_A, staff.clientFor(Role.UNIT_MANAGER, units.get(1)));
		clients.put(Who.MANAGER_B, staff.clientFor(Role.UNIT_MANAGER, units.get(2)));
		clients.put(Who.ADMINISTRATOR, staff.clientFor(Role.ADMINISTRATOR, null));

		List<Row> rows = rows(now);
		assertThat(rows.stream().map(Row::endpoint).toList()).as("every staff endpoint has a row")
			.containsAll(staffEndpoints());

		List<String> wrong = new ArrayList<>();
		for (Row row : rows) {
			for (Who who : Who.values()) {
				int status = call(clients.get(who), row, world);
				String location = this.lastLocation;
				boolean allowed = row.allowed().contains(who);
				boolean ok;
				if (allowed) {
					ok = status != 401 && status != 403 && status < 500
							&& !(status == 302 && "/console/login".equals(location));
				}
				else if (who == Who.ANONYMOUS) {
					// a page's POST without a session fails its CSRF check before
					// anything else
					ok = row.page() ? (status == 302 && "/console/login".equals(location))
							|| (status == 403 && row.method() != HttpMethod.GET) : status == 401;
				}
				else {
					ok = status == 403;
				}
				if (!ok) {
					wrong.add(row.endpoint() + " as " + who + ": " + status
							+ (allowed ? " (should be let in)" : " (should be refused)"));
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private String lastLocation;

	private int call(WebTestClient client, Row row, World world) {
		var request = client.method(row.method()).uri(row.uri().apply(world));
		Object body = (row.body() != null) ? row.body().apply(world) : null;
		var exchange = (body != null) ? request.contentType(row.contentType()).bodyValue(body).exchange()
				: request.exchange();
		var result = exchange.returnResult(byte[].class);
		// read the first part of the body, which also ends the event streams
		result.getResponseBody().take(1).blockLast(Duration.ofSeconds(30));
		this.lastLocation = (result.getResponseHeaders().getLocation() != null)
				? result.getResponseHeaders().getLocation().toString() : null;
		return result.getStatus().value();
	}

	/**
	 * Every endpoint the application maps, but the respondent's.
	 */
	private Set<String> staffEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		this.mappings.getHandlerMethods()
			.keySet()
			.forEach((info) -> info.getPatternsCondition()
				.getPatterns()
				.forEach((pattern) -> info.getMethodsCondition()
					.getMethods()
					.forEach((method) -> endpoints.add(method.name() + " " + pattern.getPatternString()))));
		endpoints.removeAll(ANONYMOUS_ENDPOINTS);
		endpoints.removeIf((endpoint) -> endpoint.contains("/v3/api-docs") || endpoint.contains("swagger"));
		return endpoints;
	}

	private static String template(String code) {
		return """
				code: %s
				version: 1
				title: { vi: "Mẫu của trường A", en: "School A's form" }
				sections:
				  - code: chung
				    title: { vi: "Phần chung", en: "General" }
				    items:
				      - code: q1
				        type: scale5
				        text: { vi: "Hài lòng", en: "Satisfied" }
				""".formatted(code);
	}

	private static List<Row> rows(Instant now) {
		var json = MediaType.APPLICATION_JSON;
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("GET /api/v1/me", (w) -> "/api/v1/me", null, null, STAFF));
		rows.add(new Row("POST /api/v1/me/password", (w) -> "/api/v1/me/password",
				(w) -> Map.of("currentPassword", "not-it", "newPassword", "x"), json, STAFF));
		rows.add(new Row("GET /api/v1/users", (w) -> "/api/v1/users", null, null, STAFF));
		rows.add(new Row("GET /api/v1/users/{id}", (w) -> "/api/v1/users/" + w.viewerAId(), null, null, READERS_OF_A));
		rows.add(
				new Row("POST /api/v1/users", (w) -> "/api/v1/users", (w) -> member(w.schoolA()), json, MANAGERS_OF_A));
		rows.add(new Row("PATCH /api/v1/users/{id}", (w) -> "/api/v1/users/" + w.viewerAId(),
				(w) -> Map.of("displayName", "Cô giáo A"), json, READERS_OF_A));
		rows.add(new Row("GET /api/v1/tokens", (w) -> "/api/v1/tokens", null, null, STAFF));
		rows.add(new Row("POST /api/v1/tokens", (w) -> "/api/v1/tokens", (w) -> Map.of("name", "matrix"), json, STAFF));
		rows.add(new Row("DELETE /api/v1/tokens/{id}", (w) -> "/api/v1/tokens/999999999", null, null, STAFF));
		rows.add(new Row("GET /api/v1/audit", (w) -> "/api/v1/audit", null, null, MANAGERS));
		rows.add(new Row("GET /api/v1/units", (w) -> "/api/v1/units", null, null, STAFF));
		rows.add(new Row("GET /api/v1/units/{code}", (w) -> "/api/v1/units/" + w.schoolA(), null, null, READERS_OF_A));
		rows.add(
				new Row("POST /api/v1/units", (w) -> "/api/v1/units", (w) -> unit(w.district()), json, ADMINISTRATORS));
		rows.add(new Row("POST /api/v1/units/import", (w) -> "/api/v1/units/import", (w) -> List.of(unit(w.district())),
				json, ADMINISTRATORS));
		rows.add(new Row("GET /api/v1/templates", (w) -> "/api/v1/templates", null, null, STAFF));
		rows.add(new Row("GET /api/v1/templates/{code}", (w) -> "/api/v1/templates/kiem-thu", null, null, STAFF));
		rows.add(new Row("GET /api/v1/templates/{code}/versions/{version}",
				(w) -> "/api/v1/templates/kiem-thu/versions/1", null, null, STAFF));
		rows.add(new Row("GET /api/v1/templates/{code}/versions",
				(w) -> "/api/v1/templates/" + w.templateA() + "/versions", null, null, READERS_OF_A));
		rows.add(new Row("GET /api/v1/templates/{code}/versions/{version}/yaml",
				(w) -> "/api/v1/templates/" + w.templateA() + "/versions/1/yaml", null, null, READERS_OF_A));
		rows.add(new Row("GET /api/v1/templates/{code}/versions/{version}/xlsform",
				(w) -> "/api/v1/templates/" + w.templateA() + "/versions/1/xlsform", null, null, READERS_OF_A));
		rows.add(new Row("GET /api/v1/templates/{code}/diff",
				(w) -> "/api/v1/templates/" + w.templateA() + "/diff?from=1&to=1", null, null, READERS_OF_A));
		var yaml = MediaType.parseMediaType("application/yaml");
		rows.add(new Row("POST /api/v1/templates/check", (w) -> "/api/v1/templates/check",
				(w) -> template(w.templateA()), yaml, STAFF));
		// each upload by a manager of A stores the draft of version 2, which the next row
		// publishes
		rows.add(new Row("POST /api/v1/templates", (w) -> "/api/v1/templates", (w) -> template(w.templateA()), yaml,
				MANAGERS_OF_A));
		rows.add(new Row("POST /api/v1/templates/{code}/versions/{version}/publish",
				(w) -> "/api/v1/templates/" + w.templateA() + "/versions/2/publish", null, null, MANAGERS_OF_A));
		rows.add(new Row("POST /api/v1/templates/{code}/adapt", (w) -> "/api/v1/templates/kiem-thu/adapt",
				(w) -> Map.of("code", "mau-" + UUID.randomUUID().toString().substring(0, 8), "unit", w.schoolA()), json,
				MANAGERS_OF_A));
		rows.add(new Row("GET /api/v1/campaigns", (w) -> "/api/v1/campaigns", null, null, STAFF));
		rows.add(new Row("POST /api/v1/campaigns", (w) -> "/api/v1/campaigns", (w) -> campaign(w.schoolA(), now), json,
				MANAGERS_OF_A));
		rows.add(new Row("GET /api/v1/campaigns/{id}", (w) -> "/api/v1/campaigns/" + w.campaignA(), null, null,
				READERS_OF_A));
		rows.add(new Row("POST /api/v1/campaigns/{id}/open", (w) -> "/api/v1/campaigns/" + w.campaignA() + "/open",
				null, null, MANAGERS_OF_A));
		rows.add(new Row("POST /api/v1/campaigns/{id}/close",
				(w) -> "/api/v1/campaigns/" + w.invitationCampaignA() + "/close", null, null, MANAGERS_OF_A));
		rows.add(new Row("POST /api/v1/campaigns/{id}/last-day",
				(w) -> "/api/v1/campaigns/" + w.campaignA() + "/last-day", (w) -> Map.of("lastDay", "2099-12-31"), json,
				MANAGERS_OF_A));
		rows.add(new Row("POST /api/v1/campaigns/{id}/units", (w) -> "/api/v1/campaigns/" + w.campaignA() + "/units",
				(w) -> Map.of("units", List.of(w.schoolA())), json, MANAGERS_OF_A));
		rows.add(new Row("POST /api/v1/campaigns/{id}/copy", (w) -> "/api/v1/campaigns/" + w.campaignA() + "/copy",
				(w) -> Map.of(), json, MANAGERS_OF_A));
		rows.add(new Row("GET /api/v1/campaigns/{campaign}/results",
				(w) -> "/api/v1/campaigns/" + w.campaignA() + "/results", null, null, READERS_OF_A));
		rows.add(new Row("POST /api/v1/campaigns/{id}/aggregates/verify",
				(w) -> "/api/v1/campaigns/" + w.campaignA() + "/aggregates/verify", null, null, ADMINISTRATORS));
		rows.add(new Row("GET /api/v1/campaigns/{campaign}/invitations",
				(w) -> "/api/v1/campaigns/" + w.invitationCampaignA() + "/invitations", null, null, READERS_OF_A));
		rows.add(new Row("POST /api/v1/campaigns/{campaign}/invitations",
				(w) -> "/api/v1/campaigns/" + w.invitationCampaignA() + "/invitations",
				(w) -> Map.of("unit", w.schoolA(), "count", 1), json, MANAGERS_OF_A));
		rows.add(new Row("GET /api/v1/plans", (w) -> "/api/v1/plans", null, null, STAFF));
		rows.add(new Row("GET /api/v1/plans/{code}", (w) -> "/api/v1/plans/" + w.plan(), null, null, STAFF));
		rows.add(new Row("POST /api/v1/plans", (w) -> "/api/v1/plans", (w) -> "code: [",
				MediaType.parseMediaType("application/yaml"), ADMINISTRATORS));
		rows.add(new Row("GET /api/v1/plans/{code}/figures", (w) -> "/api/v1/plans/" + w.plan() + "/figures", null,
				null, STAFF));
		rows.add(new Row(
				"POST /api/v1/plans/{code}/figures", (w) -> "/api/v1/plans/" + w.plan() + "/figures", (w) -> List.of(Map
					.of("indicator", "1", "unit", w.schoolA(), "period", "2025-Q1", "numerator", 1, "denominator", 2)),
				json, MANAGERS_OF_A));
		rows.add(new Row("GET /api/v1/plans/{code}/report", (w) -> "/api/v1/plans/" + w.plan() + "/report?period=2025",
				null, null, STAFF));
		rows.add(new Row("GET /api/v1/campaigns/{id}/progress",
				(w) -> "/api/v1/campaigns/" + w.campaignA() + "/progress", null, null, READERS_OF_A));
		rows.add(new Row("GET /api/v1/campaigns/{id}/progress/stream",
				(w) -> "/api/v1/campaigns/" + w.campaignA() + "/progress/stream", null, null, READERS_OF_A));
		rows.add(new Row("GET /api/v1/progress", (w) -> "/api/v1/progress", null, null, STAFF));
		rows.add(new Row("GET /api/v1/progress/stream", (w) -> "/api/v1/progress/stream?campaign=" + w.campaignA(),
				null, null, READERS_OF_A));
		// free text: administrators and unit managers (hailong.free-text.readers), not
		// viewers
		rows.add(new Row("GET /api/v1/campaigns/{id}/comments",
				(w) -> "/api/v1/campaigns/" + w.campaignA() + "/comments", null, null, MANAGERS_OF_A));
		rows.add(new Row("GET /api/v1/explorer/texts", (w) -> "/api/v1/explorer/texts?campaign=" + w.campaignA(), null,
				null, MANAGERS_OF_A));
		rows.add(new Row("GET /api/v1/explorer/texts/export",
				(w) -> "/api/v1/explorer/texts/export?campaign=" + w.campaignA(), null, null, MANAGERS_OF_A));
		rows.add(new Row("GET /api/v1/explorer/export", (w) -> "/api/v1/explorer/export?campaign=" + w.campaignA(),
				null, null, READERS_OF_A));
		// merged from ex1 (the explorer's questions and units views) for this branch's
		// run
		rows.add(new Row("GET /api/v1/explorer/questions",
				(w) -> "/api/v1/explorer/questions?campaign=" + w.campaignA(), null, null, READERS_OF_A));
		rows.add(new Row("GET /api/v1/explorer/units",
				(w) -> "/api/v1/explorer/units?campaign=" + w.campaignA() + "&item=diem", null, null, READERS_OF_A));
		rows.add(new Row("GET /api/v1/explorer/crosstab",
				(w) -> "/api/v1/explorer/crosstab?campaign=" + w.campaignA() + "&item=diem&by=week", null, null,
				READERS_OF_A));
		rows.add(new Row("GET /api/v1/explorer/priorities",
				(w) -> "/api/v1/explorer/priorities?campaign=" + w.campaignA(), null, null, READERS_OF_A));
		rows.add(new Row("GET /console/explorer", (w) -> "/console/explorer", null, null, STAFF));
		rows.add(new Row("GET /console/explorer/questions",
				(w) -> "/console/explorer/questions?campaign=" + w.campaignA(), null, null, READERS_OF_A));
		rows.add(new Row("GET /console/explorer/units",
				(w) -> "/console/explorer/units?campaign=" + w.campaignA() + "&item=diem", null, null, READERS_OF_A));
		rows.add(new Row("GET /console/explorer/groups",
				(w) -> "/console/explorer/groups?campaign=" + w.campaignA() + "&item=diem&by=week", null, null,
				READERS_OF_A));
		rows.add(new Row("GET /console/explorer/priorities",
				(w) -> "/console/explorer/priorities?campaign=" + w.campaignA(), null, null, READERS_OF_A));
		rows.add(new Row("GET /console/explorer/texts", (w) -> "/console/explorer/texts?campaign=" + w.campaignA(),
				null, null, MANAGERS_OF_A));
		rows.add(new Row("GET /console/explorer/export", (w) -> "/console/explorer/export?campaign=" + w.campaignA(),
				null, null, READERS_OF_A));
		rows.add(new Row("GET /console", (w) -> "/console", null, null, STAFF));
		rows.add(new Row("GET /console/", (w) -> "/console/", null, null, STAFF));
		rows.add(new Row("GET /console/campaigns/{id}/comments",
				(w) -> "/console/campaigns/" + w.campaignA() + "/comments", null, null, MANAGERS_OF_A));
		var form = MediaType.APPLICATION_FORM_URLENCODED;
		rows.add(new Row("GET /api/v1/sample-plan", (w) -> "/api/v1/sample-plan?units=" + w.schoolA(), null, null,
				READERS_OF_A));
		rows.add(new Row("GET /api/v1/campaigns/{campaign}/units/{unit}/qr.png",
				(w) -> "/api/v1/campaigns/" + w.campaignA() + "/units/" + w.schoolA() + "/qr.png", null, null,
				READERS_OF_A));
		rows.add(new Row("GET /api/v1/campaigns/{campaign}/units/{unit}/qr.svg",
				(w) -> "/api/v1/campaigns/" + w.campaignA() + "/units/" + w.schoolA() + "/qr.svg", null, null,
				READERS_OF_A));
		rows.add(new Row("GET /console/campaigns", (w) -> "/console/campaigns", null, null, STAFF));
		rows.add(new Row("GET /console/campaigns/new", (w) -> "/console/campaigns/new", null, null, MANAGERS));
		rows.add(new Row("POST /console/campaigns/new", (w) -> "/console/campaigns/new",
				(w) -> new LinkedMultiValueMap<>(Map.of("name", List.of("Khảo sát"))), form, MANAGERS));
		rows.add(new Row("GET /console/campaigns/{id}", (w) -> "/console/campaigns/" + w.campaignA(), null, null,
				READERS_OF_A));
		rows.add(new Row("GET /console/campaigns/{id}/units/{unit}/notice",
				(w) -> "/console/campaigns/" + w.campaignA() + "/units/" + w.schoolA() + "/notice", null, null,
				READERS_OF_A));
		rows.add(new Row("POST /console/campaigns/{id}/open", (w) -> "/console/campaigns/" + w.campaignA() + "/open",
				null, null, MANAGERS_OF_A));
		rows.add(new Row("POST /console/campaigns/{id}/close",
				(w) -> "/console/campaigns/" + w.invitationCampaignA() + "/close", null, null, MANAGERS_OF_A));
		rows.add(new Row("POST /console/campaigns/{id}/last-day",
				(w) -> "/console/campaigns/" + w.campaignA() + "/last-day",
				(w) -> form(Map.of("lastDay", "2099-12-31")), form, MANAGERS_OF_A));
		rows.add(new Row("POST /console/campaigns/{id}/units", (w) -> "/console/campaigns/" + w.campaignA() + "/units",
				(w) -> form(Map.of("units", w.schoolA())), form, MANAGERS_OF_A));
		rows.add(new Row("POST /console/campaigns/{id}/copy", (w) -> "/console/campaigns/" + w.campaignA() + "/copy",
				(w) -> form(Map.of("go", "1")), form, MANAGERS_OF_A));
		rows.add(new Row("GET /console/logout", (w) -> "/console/logout", null, null, STAFF));
		rows.add(new Row("GET /console/units", (w) -> "/console/units", null, null, STAFF));
		rows.add(new Row("GET /console/units/example.csv", (w) -> "/console/units/example.csv", null, null, STAFF));
		rows.add(new Row("POST /console/units", (w) -> "/console/units", (w) -> form(unit(w.district())), form,
				ADMINISTRATORS));
		rows.add(new Row("POST /console/units/import", (w) -> "/console/units/import",
				(w) -> form(Map.of("csv",
						"code,name,level,parent,population\nU-" + UUID.randomUUID().toString().substring(0, 8)
								+ ",Trường mới,primary," + w.district() + ",100\n")),
				MediaType.MULTIPART_FORM_DATA, ADMINISTRATORS));
		rows.add(new Row("GET /console/users", (w) -> "/console/users", null, null, MANAGERS));
		rows.add(new Row("POST /console/users", (w) -> "/console/users", (w) -> form(member(w.schoolA())), form,
				MANAGERS_OF_A));
		rows.add(new Row("GET /console/users/{id}", (w) -> "/console/users/" + w.viewerAId(), null, null,
				MANAGERS_OF_A));
		rows.add(new Row("POST /console/users/{id}", (w) -> "/console/users/" + w.viewerAId(),
				(w) -> form(
						Map.of("displayName", "Cô giáo A", "role", "viewer", "unit", w.schoolA(), "active", "true")),
				form, MANAGERS_OF_A));
		rows.add(new Row("GET /console/account", (w) -> "/console/account", null, null, STAFF));
		rows.add(new Row("POST /console/account/password", (w) -> "/console/account/password",
				(w) -> form(Map.of("currentPassword", "not-it", "newPassword", "x", "repeatPassword", "x")), form,
				STAFF));
		rows.add(new Row("POST /console/account/tokens", (w) -> "/console/account/tokens",
				(w) -> form(Map.of("name", "matrix", "days", "1")), form, STAFF));
		rows.add(new Row("POST /console/account/tokens/{id}/revoke", (w) -> "/console/account/tokens/999999999/revoke",
				(w) -> form(Map.of()), form, STAFF));
		rows.add(new Row("GET /console/audit", (w) -> "/console/audit", null, null, MANAGERS));
		rows.add(new Row("GET /console/templates", (w) -> "/console/templates", null, null, STAFF));
		// a manager of A's upload stores the draft of version 3, which the next row
		// publishes
		rows.add(new Row("POST /console/templates", (w) -> "/console/templates",
				(w) -> new LinkedMultiValueMap<String, Object>(
						Map.of("text", List.of(template(w.templateA()).replace("version: 1", "version: 2")))),
				MediaType.MULTIPART_FORM_DATA, MANAGERS_OF_A));
		rows.add(new Row("POST /console/templates/{code}/versions/{version}/publish",
				(w) -> "/console/templates/" + w.templateA() + "/versions/3/publish", (w) -> form(Map.of()), form,
				MANAGERS_OF_A));
		rows.add(new Row("GET /console/templates/{code}/versions/{version}",
				(w) -> "/console/templates/" + w.templateA() + "/versions/1", null, null, READERS_OF_A));
		rows.add(new Row("GET /console/templates/{code}/versions/{version}/preview",
				(w) -> "/console/templates/" + w.templateA() + "/versions/1/preview?lang=en", null, null,
				READERS_OF_A));
		rows.add(new Row("POST /console/templates/{code}/adapt", (w) -> "/console/templates/kiem-thu/adapt",
				(w) -> form(Map.of("code", "mau-" + UUID.randomUUID().toString().substring(0, 8), "unit", w.schoolA())),
				form, MANAGERS_OF_A));
		rows.add(new Row("GET /console/plans", (w) -> "/console/plans", null, null, STAFF));
		rows.add(new Row("GET /console/plans/example.yaml", (w) -> "/console/plans/example.yaml", null, null, STAFF));
		rows.add(new Row("POST /console/plans", (w) -> "/console/plans",
				(w) -> new LinkedMultiValueMap<String, Object>(Map.of("text", List.of("code: ["))),
				MediaType.MULTIPART_FORM_DATA, ADMINISTRATORS));
		rows.add(new Row("GET /console/plans/{code}", (w) -> "/console/plans/" + w.plan(), null, null, STAFF));
		rows.add(new Row("GET /console/plans/{code}/report",
				(w) -> "/console/plans/" + w.plan() + "/report?period=2025&unit=" + w.schoolA(), null, null,
				READERS_OF_A));
		rows.add(new Row("GET /console/plans/{code}/figures",
				(w) -> "/console/plans/" + w.plan() + "/figures?unit=" + w.schoolA(), null, null, MANAGERS_OF_A));
		rows.add(new Row("POST /console/plans/{code}/figures", (w) -> "/console/plans/" + w.plan() + "/figures",
				(w) -> form(Map.of("unit", w.schoolA(), "period", "2025-Q1", "numerator-0", "1", "denominator-0", "2")),
				form, MANAGERS_OF_A));
		return rows;
	}

	private static MultiValueMap<String, String> form(Map<String, ?> fields) {
		var form = new LinkedMultiValueMap<String, String>();
		fields.forEach((name, value) -> form.add(name, String.valueOf(value)));
		return form;
	}

	private static Map<String, Object> member(String unit) {
		return Map.of("username", "m-" + UUID.randomUUID().toString().substring(0, 8), "displayName", "Thầy B", "role",
				"viewer", "unit", unit, "password", StaffFixtures.PASSWORD);
	}

	private static Map<String, Object> unit(String parent) {
		return Fixtures.unit("U-" + UUID.randomUUID().toString().substring(0, 8), "Trường mới", "primary", parent, 100);
	}

	private static Map<String, Object> campaign(String unit, Instant now) {
		var body = new HashMap<String, Object>();
		body.put("name", "Khảo sát ma trận");
		body.put("template", "kiem-thu");
		body.put("period", "2025-Q1");
		body.put("opensAt", now.toString());
		body.put("closesAt", now.plus(30, ChronoUnit.DAYS).toString());
		body.put("units", List.of(unit));
		return body;
	}

}
