package vn.hailong.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hailong.HaiLongApplication;

/**
 * Times the full plan report over 1,000,000 responses in 100 units of one campaign and
 * over a tenth of that in another period, next to one plain SQL
 * {@code count(*) … group by} over the 1,000,000 responses' answer rows, in a throw-away
 * database. The responses are written straight into the tables and their aggregates built
 * by the administrator's recompute endpoint; the benchmark also counts the scans of the
 * {@code answer} table while the reports run (there should be none).
 */
public final class ReportBenchmark {

	private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]*)(?:\\?(.*))?$");

	/**
	 * Version 1 of it (pinned where campaigns are made), so the figures compare with
	 * earlier runs.
	 */
	private static final String TEMPLATE = "sipas-tthc-giao-duc";

	/**
	 * The items every response answers: tc3 to tc5 depend on the channel, gy2 to gy4 on a
	 * complaint.
	 */
	private static final List<String> ITEMS = List.of("tc1", "tc2", "tc3", "tt1", "tt2", "tt3", "tt4", "tt5", "cc1",
			"cc2", "cc3", "cc4", "kq1", "kq2", "kq3", "kq4", "gy1");

	private static final String PLAN = """
			code: bench-plan
			issuer: Phòng GD&ĐT (benchmark)
			year: 2025
			title: Kế hoạch benchmark
			indicators:
			  - { ref: "4", name: Hài lòng về giải quyết TTHC, comparator: ">=", target: 95, survey: { template: sipas-tthc-giao-duc, method: satisfied-answers } }
			  - { ref: "4b", name: Người hài lòng về công chức, comparator: ">=", target: 90, survey: { template: sipas-tthc-giao-duc, section: cong_chuc, method: satisfied-respondents } }
			  - { ref: "4c", name: Chỉ số hài lòng, comparator: ">=", target: 75, survey: { template: sipas-tthc-giao-duc, method: mean-index } }
			  - { ref: "4d", name: Hài lòng về niêm yết TTHC, comparator: ">=", target: 90, survey: { template: sipas-tthc-giao-duc, item: tc1, method: satisfied-answers } }
			  - { ref: "2", name: Hồ sơ luân chuyển điện tử, comparator: ">=", target: 100, reported: { numerator: điện tử, denominator: tất cả } }
			""";

	private ReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String url = System.getenv()
			.getOrDefault("HAILONG_BENCH_DATABASE_URL", "jdbc:postgresql://localhost:5432/postgres?user=postgres");
		Matcher parts = URL.matcher(url);
		if (!parts.matches()) {
			throw new IllegalArgumentException("HAILONG_BENCH_DATABASE_URL must be jdbc:postgresql://host:port/db");
		}
		int responses = Integer.getInteger("benchmark.responses", 1_000_000);
		int units = Integer.getInteger("benchmark.units", 100);
		int runs = Integer.getInteger("benchmark.runs", 11);
		int warmup = Integer.getInteger("benchmark.report-warmup", 50);
		Path templates = Path.of(System.getProperty("benchmark.templates", "survey-templates")).toAbsolutePath();
		String host = parts.group(1);
		String port = (parts.group(2) != null) ? parts.group(2) : "5432";
		String query = (parts.group(4) != null) ? "?" + parts.group(4) : "";
		String user = (parts.group(4) != null && parts.group(4).contains("user="))
				? parts.group(4).replaceAll(".*user=([^&]*).*", "$1") : "postgres";
		String database = "hailong_reportbench_"
				+ DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + database + query;
		try (Connection admin = DriverManager.getConnection(url)) {
			admin.createStatement().execute("create database " + database);
		}
		ConfigurableApplicationContext service = null;
		int status = 0;
		try {
			service = new SpringApplicationBuilder(HaiLongApplication.class).bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.run("--spring.r2dbc.url=r2dbc:postgresql://" + host + ":" + port + "/" + database,
						"--spring.r2dbc.username=" + user, "--spring.r2dbc.password=", "--spring.flyway.url=" + jdbc,
						"--spring.flyway.user=" + user, "--spring.flyway.password=", "--server.port=0",
						"--server.address=127.0.0.1", "--hailong.templates.directories=" + templates,
						"--logging.level.root=WARN", BenchmarkAdministrator.arguments()[0],
						BenchmarkAdministrator.arguments()[1]);
			int httpPort = ((WebServerApplicationContext) service).getWebServer().getPort();
			try (Connection connection = DriverManager.getConnection(jdbc)) {
				createUnits(connection, units);
				long campaign = load(connection, responses, units, "2025-Q1");
				long small = load(connection, responses / 10, units, "2023-Q1");
				analyze(connection);
				HttpClient http = HttpClient.newHttpClient();
				String base = "http://127.0.0.1:" + httpPort;
				for (long built : List.of(campaign, small)) {
					long start = System.nanoTime();
					var repair = http.send(HttpRequest
						.newBuilder(URI.create(base + "/api/v1/campaigns/" + built + "/aggregates/verify?repair=true"))
						.header("Authorization", BenchmarkAdministrator.authorization())
						.POST(HttpRequest.BodyPublishers.noBody())
						.build(), HttpResponse.BodyHandlers.ofString());
					if (repair.statusCode() != 200 || !repair.body().contains("\"repaired\":true")) {
						throw new IllegalStateException("aggregates not built: " + repair.statusCode());
					}
					System.out.printf(Locale.ROOT, "aggregates of campaign %d recomputed from its answers in %.1f s%n",
							built, (System.nanoTime() - start) / 1e9);
				}
				// The same plan for each year: a report reads only periods of its plan's
				// year.
				for (String year : List.of("2025", "2023")) {
					String yaml = PLAN.replace("code: bench-plan", "code: bench-plan-" + year)
						.replace("year: 2025", "year: " + year);
					var plan = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/plans"))
						.header("Content-Type", "application/yaml")
						.header("Authorization", BenchmarkAdministrator.authorization())
						.POST(HttpRequest.BodyPublishers.ofString(yaml))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (plan.statusCode() != 201) {
						throw new IllegalStateException("plan import failed: " + plan.statusCode() + " " + plan.body());
					}
				}
				String bearer = "Bearer " + token(http, base);
				var large = report(base, "2025", bearer);
				var smaller = report(base, "2023", bearer);
				for (int i = 0; i < warmup; i++) {
					send(http, large);
					send(http, smaller);
				}
				long scansBefore = answerScans(connection);
				double[] reportTimes = new double[runs];
				double[] smallTimes = new double[runs];
				String body = "";
				for (int i = 0; i < runs; i++) {
					long start = System.nanoTime();
					body = send(http, large);
					reportTimes[i] = (System.nanoTime() - start) / 1e6;
					start = System.nanoTime();
					send(http, smaller);
					smallTimes[i] = (System.nanoTime() - start) / 1e6;
				}
				long scansAfter = answerScans(connection);
				double[] countTimes = new double[runs];
				long groups = 0;
				for (int i = 0; i < runs; i++) {
					long start = System.nanoTime();
					try (PreparedStatement statement = connection
						.prepareStatement("select unit_id, item, value, count(*) from answer where campaign_id = ? "
								+ "group by unit_id, item, value")) {
						statement.setLong(1, campaign);
						try (ResultSet rows = statement.executeQuery()) {
							groups = 0;
							while (rows.next()) {
								groups++;
							}
						}
					}
					countTimes[i] = (System.nanoTime() - start) / 1e6;
				}
				Files.writeString(Path.of("target", "report-benchmark.json"), body);
				System.out.printf(Locale.ROOT,
						"full plan report, %,d responses (5 indicators, HTTP, JSON %d bytes): median %.1f ms  runs %s%n",
						responses, body.length(), median(reportTimes), format(reportTimes));
				System.out.printf(Locale.ROOT, "full plan report, %,d responses: median %.1f ms  runs %s%n",
						responses / 10, median(smallTimes), format(smallTimes));
				System.out.printf(Locale.ROOT,
						"plain SQL count(*) group by unit, item, value over the %,d responses (%d groups): median %.0f ms  runs %s%n",
						responses, groups, median(countTimes), format(countTimes));
				System.out.printf(Locale.ROOT, "ratio report %,d / plain count: %.4f%n", responses,
						median(reportTimes) / median(countTimes));
				System.out.printf(Locale.ROOT, "ratio report %,d / report %,d: %.2f%n", responses, responses / 10,
						median(reportTimes) / median(smallTimes));
				System.out.printf(Locale.ROOT, "scans of the answer table while the %d reports ran: %d%n", 2 * runs,
						scansAfter - scansBefore);
				System.out.println("report body written to target/report-benchmark.json");
			}
		}
		catch (Exception ex) {
			System.err.println("report benchmark failed: " + ex);
			ex.printStackTrace();
			status = 2;
		}
		finally {
			if (service != null) {
				service.close();
			}
			try (Connection admin = DriverManager.getConnection(url)) {
				admin.createStatement().execute("drop database if exists " + database + " with (force)");
			}
		}
		System.exit(status);
	}

	/**
	 * Issues a personal API token for the administrator, as an API client holds one: HTTP
	 * Basic would check the password's bcrypt hash on every request, which costs more
	 * than the report itself.
	 */
	private static String token(HttpClient http, String base) throws Exception {
		var issued = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
			.header("Content-Type", "application/json")
			.header("Authorization", BenchmarkAdministrator.authorization())
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"report benchmark\",\"days\":1}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
		if (issued.statusCode() != 201 || !token.find()) {
			throw new IllegalStateException("token not issued: " + issued.statusCode() + " " + issued.body());
		}
		return token.group(1);
	}

	private static HttpRequest report(String base, String period, String authorization) {
		return HttpRequest
			.newBuilder(URI.create(base + "/api/v1/plans/bench-plan-" + period + "/report?period=" + period))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.GET()
			.build();
	}

	private static String send(HttpClient http, HttpRequest report) throws Exception {
		var reply = http.send(report, HttpResponse.BodyHandlers.ofString());
		if (reply.statusCode() != 200) {
			throw new IllegalStateException("report failed: " + reply.statusCode() + " " + reply.body());
		}
		return reply.body();
	}

	/**
	 * Sequential and index scans of the answer table so far, as PostgreSQL's statistics
	 * count them (they reach the view within a second or so of a statement's end).
	 */
	private static long answerScans(Connection connection) throws Exception {
		Thread.sleep(1500);
		try (Statement sql = connection.createStatement()) {
			sql.execute("select pg_stat_clear_snapshot()");
			ResultSet scans = sql.executeQuery("select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) "
					+ "from pg_stat_user_tables where relname = 'answer'");
			scans.next();
			return scans.getLong(1);
		}
	}

	private static void createUnits(Connection connection, int units) throws SQLException {
		try (Statement sql = connection.createStatement()) {
			sql.execute("insert into unit (code, name, level, population) values ('bench-pgd', 'Phòng GD&ĐT', "
					+ "'district_office', 0)");
			sql.execute("insert into unit (code, name, level, parent_id, population) select 'bench-' || g, "
					+ "'Trường ' || g, 'primary', (select id from unit where code = 'bench-pgd'), 2000 + 50 * g "
					+ "from generate_series(1, " + units + ") g");
			sql.execute("create temporary table bench_unit as select row_number() over (order by id) - 1 as slot, id "
					+ "from unit where code like 'bench-%' and code <> 'bench-pgd'");
		}
	}

	private static void analyze(Connection connection) throws SQLException {
		try (Statement sql = connection.createStatement()) {
			sql.execute("vacuum analyze response");
			sql.execute("vacuum analyze answer");
		}
	}

	/**
	 * Creates an open campaign for a period over the units, and writes the responses and
	 * their answers straight into the tables, as the intake would have stored them.
	 */
	private static long load(Connection connection, int responses, int units, String period) throws SQLException {
		long started = System.nanoTime();
		try (Statement sql = connection.createStatement()) {
			ResultSet created = sql
				.executeQuery("insert into campaign (name, template_id, period, opens_at, closes_at, "
						+ "state) select 'Report benchmark', id, '" + period
						+ "', now() - interval '1 day', now() + interval '1 day', "
						+ "'open' from survey_template where code = '" + TEMPLATE + "' and version = 1 returning id");
			created.next();
			long campaign = created.getLong(1);
			sql.execute("insert into campaign_unit (campaign_id, unit_id) select " + campaign
					+ ", id from unit where code like 'bench-%' and code <> 'bench-pgd'");
			int chunk = 100_000;
			for (int from = 0; from < responses; from += chunk) {
				int to = Math.min(responses, from + chunk);
				sql.execute("create temporary table batch as select gen_random_uuid() as id, u.id as unit_id, "
						+ "0.80 + (u.slot % 10) / 60.0 as p from generate_series(" + from + ", " + (to - 1) + ") g "
						+ "join bench_unit u on u.slot = g % " + units);
				sql.execute("insert into response (id, campaign_id, unit_id, content_hash) select id, " + campaign
						+ ", unit_id, sha256(id::text::bytea) from batch");
				sql.execute("insert into answer (response_id, campaign_id, unit_id, item, value, position) "
						+ "select b.id, " + campaign + ", b.unit_id, i.item, case when random() < b.p "
						+ "then (4 + (random() < 0.6)::int)::text else (1 + floor(random() * 3))::int::text end, 0 "
						+ "from batch b cross join unnest(array["
						+ ITEMS.stream().map((item) -> "'" + item + "'").collect(Collectors.joining(","))
						+ "]) as i (item)");
				sql.execute("drop table batch");
				System.out.printf(Locale.ROOT, "loaded %,d responses for %s%n", to, period);
			}
			System.out.printf(Locale.ROOT, "loaded %,d responses over %d units for %s in %.0f s%n", responses, units,
					period, (System.nanoTime() - started) / 1e9);
			return campaign;
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static String format(double[] values) {
		var parts = new ArrayList<String>();
		for (double value : values) {
			parts.add(String.format(Locale.ROOT, "%.0f", value));
		}
		return String.join(" ", parts);
	}

}
