package vn.hailong.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * What the report and explorer benchmarks share: a throw-away database on the local
 * PostgreSQL ({@code HAILONG_BENCH_DATABASE_URL}, default
 * {@code jdbc:postgresql://localhost:5432/postgres?user=postgres}), the service started
 * on it in this JVM with the benchmark administrator, 100 schools under one district
 * office, and campaigns of version 1 of {@code sipas-tthc-giao-duc} whose responses are
 * written straight into the tables (the intake would have stored the same rows), their
 * aggregates then recomputed by the administrator's endpoint. {@link #close()} stops the
 * service and drops the database.
 */
final class BenchmarkData implements AutoCloseable {

	private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]*)(?:\\?(.*))?$");

	/**
	 * Version 1 of it (pinned where campaigns are made), so the figures compare with
	 * earlier runs.
	 */
	static final String TEMPLATE = "sipas-tthc-giao-duc";

	/**
	 * The 5-point items every response answers: tc3 to tc5 depend on the channel, gy2 to
	 * gy4 on a complaint.
	 */
	static final List<String> ITEMS = List.of("tc1", "tc2", "tc3", "tt1", "tt2", "tt3", "tt4", "tt5", "cc1", "cc2",
			"cc3", "cc4", "kq1", "kq2", "kq3", "kq4", "gy1");

	/** The district office above the schools. */
	static final String DISTRICT = "bench-pgd";

	private final String url;

	private final String database;

	private final String jdbc;

	private final ConfigurableApplicationContext service;

	private final Connection connection;

	private final String base;

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * Creates the database and starts the service on it.
	 * @param name a word for the database's name, such as {@code reportbench}
	 * @param templates the directory of the shipped templates
	 * @param settings more command-line settings for the service
	 */
	BenchmarkData(String name, Path templates, String... settings) throws SQLException {
		this.url = System.getenv()
			.getOrDefault("HAILONG_BENCH_DATABASE_URL", "jdbc:postgresql://localhost:5432/postgres?user=postgres");
		Matcher parts = URL.matcher(this.url);
		if (!parts.matches()) {
			throw new IllegalArgumentException("HAILONG_BENCH_DATABASE_URL must be jdbc:postgresql://host:port/db");
		}
		String host = parts.group(1);
		String port = (parts.group(2) != null) ? parts.group(2) : "5432";
		String query = (parts.group(4) != null) ? "?" + parts.group(4) : "";
		String user = (parts.group(4) != null && parts.group(4).contains("user="))
				? parts.group(4).replaceAll(".*user=([^&]*).*", "$1") : "postgres";
		this.database = "hailong_" + name + "_"
				+ DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		this.jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + this.database + query;
		try (Connection admin = DriverManager.getConnection(this.url)) {
			admin.createStatement().execute("create database " + this.database);
		}
		var arguments = new ArrayList<String>(
				List.of("--spring.r2dbc.url=r2dbc:postgresql://" + host + ":" + port + "/" + this.database,
						"--spring.r2dbc.username=" + user, "--spring.r2dbc.password=",
						"--spring.flyway.url=" + this.jdbc, "--spring.flyway.user=" + user, "--spring.flyway.password=",
						"--server.port=0", "--server.address=127.0.0.1",
						"--hailong.templates.directories=" + templates.toAbsolutePath(), "--logging.level.root=WARN"));
		arguments.addAll(Arrays.asList(BenchmarkAdministrator.arguments()));
		arguments.addAll(Arrays.asList(settings));
		ConfigurableApplicationContext started = null;
		try {
			started = new SpringApplicationBuilder(HaiLongApplication.class).bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.run(arguments.toArray(String[]::new));
			this.connection = DriverManager.getConnection(this.jdbc);
		}
		catch (RuntimeException | SQLException ex) {
			if (started != null) {
				started.close();
			}
			drop();
			throw ex;
		}
		this.service = started;
		this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) started).getWebServer().getPort();
	}

	/** The throw-away database's name. */
	String database() {
		return this.database;
	}

	/** A JDBC connection to the benchmark's database. */
	Connection connection() {
		return this.connection;
	}

	/** The service's address, such as {@code http://127.0.0.1:41234}. */
	String base() {
		return this.base;
	}

	HttpClient http() {
		return this.http;
	}

	/**
	 * Creates the district office and its schools (bench-1 … bench-n), and a temporary
	 * table {@code bench_unit (slot, id)} numbering the schools from 0 for {@link #load}.
	 */
	void createUnits(int units) throws SQLException {
		try (Statement sql = this.connection.createStatement()) {
			sql.execute("insert into unit (code, name, level, population) values ('" + DISTRICT
					+ "', 'Phòng GD&ĐT', 'district_office', 0)");
			sql.execute("insert into unit (code, name, level, parent_id, population) select 'bench-' || g, "
					+ "'Trường ' || g, 'primary', (select id from unit where code = '" + DISTRICT
					+ "'), 2000 + 50 * g from generate_series(1, " + units + ") g");
			sql.execute("create temporary table bench_unit as select row_number() over (order by id) - 1 as slot, id "
					+ "from unit where code like 'bench-%' and code <> '" + DISTRICT + "'");
		}
	}

	/**
	 * Creates an open campaign for a period over the schools, and writes the responses
	 * and their answers straight into the tables: each response rates {@link #ITEMS},
	 * satisfied (4 or 5) with a probability from 0.80 to 0.95 by school; with
	 * {@code everyType} also the channel ({@code hinh_thuc_nop}, single choice), whether
	 * a complaint was made ({@code gy_co}, yes/no), overall satisfaction
	 * ({@code hl_chung}) and, for one response in four, a suggestion ({@code de_xuat},
	 * free text, one of six sentences with a distinct ending).
	 * @return the campaign's id
	 */
	long load(int responses, int units, String period, boolean everyType) throws SQLException {
		long started = System.nanoTime();
		try (Statement sql = this.connection.createStatement()) {
			ResultSet created = sql
				.executeQuery("insert into campaign (name, template_id, period, opens_at, closes_at, "
						+ "state) select 'Benchmark', id, '" + period
						+ "', now() - interval '1 day', now() + interval '1 day', "
						+ "'open' from survey_template where code = '" + TEMPLATE + "' and version = 1 returning id");
			created.next();
			long campaign = created.getLong(1);
			sql.execute("insert into campaign_unit (campaign_id, unit_id) select " + campaign
					+ ", id from unit where code like 'bench-%' and code <> '" + DISTRICT + "'");
			var items = new ArrayList<>(ITEMS);
			if (everyType) {
				items.add("hl_chung");
			}
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
						+ items.stream().map((item) -> "'" + item + "'").collect(Collectors.joining(","))
						+ "]) as i (item)");
				if (everyType) {
					sql.execute("insert into answer (response_id, campaign_id, unit_id, item, value, position) "
							+ "select b.id, " + campaign + ", b.unit_id, 'hinh_thuc_nop', (array['truc_tiep', "
							+ "'buu_chinh', 'truc_tuyen'])[1 + floor(random() * 3)::int], 0 from batch b "
							+ "union all select b.id, " + campaign + ", b.unit_id, 'gy_co', "
							+ "case when random() < 0.1 then 'yes' else 'no' end, 0 from batch b");
					// a suggestion (de_xuat) from one respondent in four, for the
					// free-text view
					sql.execute("insert into free_text_answer (response_id, item, text) select b.id, 'de_xuat', "
							+ "(array['Học phí và các khoản thu cần công khai sớm hơn', 'Cán bộ niềm nở, hướng dẫn tận tình', "
							+ "'Thời gian chờ đợi còn lâu, nên có số thứ tự', 'Thủ tục rườm rà, phải bổ sung hồ sơ nhiều lần', "
							+ "'Chỗ để xe chật, nhà vệ sinh xuống cấp', 'Thông báo qua Zalo rất kịp thời'])"
							+ "[1 + floor(random() * 6)::int] || ' (' || left(b.id::text, 8) || ')' from batch b "
							+ "where random() < 0.25");
				}
				sql.execute("drop table batch");
				System.out.printf(Locale.ROOT, "loaded %,d responses for %s%n", to, period);
			}
			System.out.printf(Locale.ROOT, "loaded %,d responses over %d units for %s in %.0f s%n", responses, units,
					period, (System.nanoTime() - started) / 1e9);
			return campaign;
		}
	}

	/** Vacuums and analyses the response and answer tables. */
	void analyze() throws SQLException {
		try (Statement sql = this.connection.createStatement()) {
			sql.execute("vacuum analyze response");
			sql.execute("vacuum analyze answer");
		}
	}

	/**
	 * Builds a campaign's aggregates from its answers through the administrator's
	 * endpoint, and prints how long it took.
	 */
	void buildAggregates(long campaign) throws Exception {
		long start = System.nanoTime();
		var repair = this.http.send(HttpRequest
			.newBuilder(URI.create(this.base + "/api/v1/campaigns/" + campaign + "/aggregates/verify?repair=true"))
			.header("Authorization", BenchmarkAdministrator.authorization())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		if (repair.statusCode() != 200 || !repair.body().contains("\"repaired\":true")) {
			throw new IllegalStateException("aggregates not built: " + repair.statusCode());
		}
		System.out.printf(Locale.ROOT, "aggregates of campaign %d recomputed from its answers in %.1f s%n", campaign,
				(System.nanoTime() - start) / 1e9);
	}

	/**
	 * Issues a personal API token for the administrator, as an API client holds one: HTTP
	 * Basic would check the password's bcrypt hash on every request, which costs more
	 * than the view measured.
	 * @return the value of an {@code Authorization} header
	 */
	String bearer(String name) throws Exception {
		var issued = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/tokens"))
			.header("Content-Type", "application/json")
			.header("Authorization", BenchmarkAdministrator.authorization())
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"days\":1}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
		if (issued.statusCode() != 201 || !token.find()) {
			throw new IllegalStateException("token not issued: " + issued.statusCode() + " " + issued.body());
		}
		return "Bearer " + token.group(1);
	}

	/**
	 * Times the plain scan the views are compared with:
	 * {@code select unit_id, item, value, count(*) from answer where campaign_id = ? group by unit_id, item, value}.
	 * @return the milliseconds of each run, and in the last slot the groups counted
	 */
	double[] scan(long campaign, int runs) throws SQLException {
		double[] times = new double[runs + 1];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			try (var statement = this.connection.prepareStatement(
					"select unit_id, item, value, count(*) from answer where campaign_id = ? group by unit_id, item, value")) {
				statement.setLong(1, campaign);
				try (ResultSet rows = statement.executeQuery()) {
					long groups = 0;
					while (rows.next()) {
						groups++;
					}
					times[runs] = groups;
				}
			}
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		return times;
	}

	/**
	 * Sequential and index scans of the answer table so far, as PostgreSQL's statistics
	 * count them (they reach the view within a second or so of a statement's end).
	 */
	long answerScans() throws Exception {
		Thread.sleep(1500);
		try (Statement sql = this.connection.createStatement()) {
			sql.execute("select pg_stat_clear_snapshot()");
			ResultSet scans = sql.executeQuery("select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) "
					+ "from pg_stat_user_tables where relname = 'answer'");
			scans.next();
			return scans.getLong(1);
		}
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	static String format(double[] values) {
		var parts = new ArrayList<String>();
		for (double value : values) {
			parts.add(String.format(Locale.ROOT, "%.0f", value));
		}
		return String.join(" ", parts);
	}

	@Override
	public void close() throws Exception {
		try {
			this.connection.close();
		}
		finally {
			this.service.close();
			drop();
		}
	}

	private void drop() throws SQLException {
		try (Connection admin = DriverManager.getConnection(this.url)) {
			admin.createStatement().execute("drop database if exists " + this.database + " with (force)");
		}
	}

}
