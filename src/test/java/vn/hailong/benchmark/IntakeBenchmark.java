package vn.hailong.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hailong.HaiLongApplication;

/**
 * Measures how many survey responses per second the service stores over real HTTP, with
 * the aggregates on and off and with two instances (sharing the rate limit in Redis)
 * against the same PostgreSQL, next to pgbench inserting the same rows straight into
 * PostgreSQL, in a throw-away database.
 */
public final class IntakeBenchmark {

	private static final String DEFAULT_DATABASE_URL = "jdbc:postgresql://localhost:5432/postgres?user=postgres";

	/**
	 * Version 1 of it (pinned where campaigns are made), so the figures compare with
	 * earlier runs.
	 */
	private static final String TEMPLATE = "sipas-tthc-giao-duc";

	private static final int UNITS = 10;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private static final String SUGGESTION = "Đề nghị niêm yết rõ thời gian trả kết quả và bố trí thêm chỗ ngồi chờ";

	private static final List<Shape> SHAPES = Shape.all();

	/**
	 * A rate limit that the clients, all on 127.0.0.1, never reach, so that the limiter
	 * runs on every request without refusing any.
	 */
	private static final int RATE_LIMIT = 1_000_000;

	private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

	private final Settings settings;

	private final Server server;

	private final String database;

	private final AtomicBoolean dropped = new AtomicBoolean();

	private IntakeBenchmark(Settings settings) {
		this.settings = settings;
		this.server = Server.parse(settings.databaseUrl());
		this.database = "hailong_bench_"
				+ DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
	}

	public static void main(String[] args) throws Exception {
		int status;
		try {
			status = new IntakeBenchmark(Settings.fromSystemProperties()).run();
		}
		catch (Exception ex) {
			System.err.println("intake benchmark failed: " + ex);
			ex.printStackTrace();
			status = 2;
		}
		System.exit(status);
	}

	private int run() throws Exception {
		String insert = serviceInsert();
		System.out.printf(Locale.ROOT, "intake benchmark: database %s on %s:%d%n", this.database, this.server.host(),
				this.server.port());
		CpuSample idle = CpuSample.take();
		Thread.sleep(1000);
		double busy = CpuSample.take().machineBusy(idle);
		if (busy > 0.2) {
			System.out.printf(Locale.ROOT, "WARNING: the machine was %.0f%% busy before the benchmark; "
					+ "other processes share the CPU and distort the figures%n", 100 * busy);
		}
		try (Connection admin = this.server.connect(this.server.database())) {
			execute(admin, "create database " + quote(this.database));
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::dropDatabase, "hailong-bench-drop"));
		try {
			return measure(insert);
		}
		finally {
			dropDatabase();
		}
	}

	private int measure(String insert) throws Exception {
		// The phases alternate, on off off on on off ..., each in a fresh service (same
		// JVM), so that neither mode always runs on the colder JVM or the busier moment.
		var withPhases = new ArrayList<ServicePhase>();
		var withoutPhases = new ArrayList<ServicePhase>();
		for (int round = 0; round < this.settings.rounds(); round++) {
			boolean onFirst = round % 2 == 0;
			(onFirst ? withPhases : withoutPhases).add(servicePhase(onFirst));
			(onFirst ? withoutPhases : withPhases).add(servicePhase(!onFirst));
		}
		ServicePhase with = median(withPhases);
		ServicePhase without = median(withoutPhases);
		Phase twoInstances = null;
		boolean twoComplete = true;
		if (this.settings.twoInstances()) {
			truncate();
			twoInstances = measureTwoInstances(without.campaign());
			Counts twoStored = count(twoInstances);
			twoComplete = twoStored.complete(twoInstances);
			System.out.println("database after two-instance phase: " + twoStored.describe(twoInstances));
		}
		truncate();
		System.out.printf(Locale.ROOT, "pgbench phase: %d clients, %d s%n", this.settings.clients(),
				this.settings.seconds());
		CpuSample before = CpuSample.take();
		Pgbench raw = pgbench(insert, without.campaign());
		String rawCpu = CpuSample.take().describe(before);
		long rawRows;
		long rawAnswers;
		long rawTexts;
		try (Connection connection = this.server.connect(this.database)) {
			rawRows = queryLong(connection, "select count(*) from response");
			rawAnswers = queryLong(connection, "select count(*) from answer");
			rawTexts = queryLong(connection, "select count(*) from free_text_answer");
		}
		System.out.printf(Locale.ROOT,
				"pgbench: %d transactions, %d failed, latency average %.3f ms; %d responses, %d answer rows, "
						+ "%d free-text rows in the database%n",
				raw.transactions(), raw.failed(), raw.latencyAverage(), rawRows, rawAnswers, rawTexts);
		System.out.println("cpu during pgbench phase: " + rawCpu);

		System.out.println();
		System.out.printf(Locale.ROOT, "intake benchmark: %d clients, %d s, %d cores%n", this.settings.clients(),
				this.settings.seconds(), Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "postgres raw insert (pgbench, same rows, 1 per txn): %.0f tps%n", raw.tps());
		var pairRatios = new double[withPhases.size()];
		for (int i = 0; i < withPhases.size(); i++) {
			pairRatios[i] = withPhases.get(i).perSecond() / withoutPhases.get(i).perSecond();
			System.out.printf(Locale.ROOT,
					"round %d: aggregates on %.0f responses/s, off %.0f responses/s, on/off %.3f%n", i + 1,
					withPhases.get(i).perSecond(), withoutPhases.get(i).perSecond(), pairRatios[i]);
		}
		// Each round's two phases ran back to back, so their ratio is the least exposed
		// to the
		// machine's load changing between rounds.
		Arrays.sort(pairRatios);
		System.out.printf(Locale.ROOT, "median on/off ratio of the %d rounds: %.3f, a fall of %.1f%%%n",
				pairRatios.length, pairRatios[(pairRatios.length - 1) / 2],
				100 * (1 - pairRatios[(pairRatios.length - 1) / 2]));
		System.out.printf(Locale.ROOT, "median of %d phases each:%n", withPhases.size());
		double ratioWith = with.report(raw);
		double ratioWithout = without.report(raw);
		System.out.printf(Locale.ROOT,
				"aggregates on / off: ratio to raw %.3f / %.3f, a fall of %.1f%% (goal: at most 10%%)%n", ratioWith,
				ratioWithout, 100 * (1 - ratioWith / ratioWithout));
		if (twoInstances != null) {
			double twoPerSecond = twoInstances.acknowledged().size() / twoInstances.elapsedSeconds();
			System.out.printf(Locale.ROOT,
					"service, 2 instances (Redis rate limit, LISTEN/NOTIFY): %.0f responses/s, p50 %.1f ms, "
							+ "p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
					twoPerSecond, twoInstances.percentile(0.50), twoInstances.percentile(0.90),
					twoInstances.percentile(0.99), twoInstances.percentile(1.0), twoInstances.errors());
			System.out.printf(Locale.ROOT, "ratio 2 instances/1 instance (aggregates on): %.2f%n",
					twoPerSecond / (with.service().acknowledged().size() / with.service().elapsedSeconds()));
		}
		boolean complete = withPhases.stream().allMatch(ServicePhase::complete)
				&& withoutPhases.stream().allMatch(ServicePhase::complete) && twoComplete;
		if (!complete) {
			System.out.println("FAILED: an acknowledged response is missing from the database");
		}
		return (complete && raw.failed() == 0) ? 0 : 1;
	}

	/**
	 * Runs the service's warm-up and measured phase with the aggregates on or off, and
	 * prints what it saw.
	 */
	private ServicePhase servicePhase(boolean aggregates) throws Exception {
		Settings settings = this.settings;
		Phase service;
		Counts stored;
		PoolWatch pool;
		String serviceCpu;
		boolean complete;
		long campaign;
		String label = aggregates ? "aggregates on" : "aggregates off";
		try (ConfigurableApplicationContext app = startService(aggregates)) {
			truncate();
			int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			try (Http http = new Http(port, settings.clients())) {
				campaign = setUp(http);
				System.out.printf(Locale.ROOT, "%s: service on 127.0.0.1:%d, campaign %d; warming up %d s%n", label,
						port, campaign, settings.warmup());
				Phase warmUp = warmUp(http, campaign);
				Counts warmed = count(warmUp);
				System.out.printf(Locale.ROOT, "warm-up: %d acknowledged, %d errors; %s%n",
						warmUp.acknowledged().size(), warmUp.errors(), warmed.describe(warmUp));
				complete = warmed.complete(warmUp);
				truncate();
				System.out.printf(Locale.ROOT, "%s: service phase: %d clients, %d s%n", label, settings.clients(),
						settings.seconds());
				pool = PoolWatch.start(app.getBean(ConnectionFactory.class));
				CpuSample before = CpuSample.take();
				try {
					service = drive(http, campaign, settings.seconds());
				}
				finally {
					pool.close();
				}
				serviceCpu = CpuSample.take().describe(before);
				stored = count(service);
				complete &= stored.complete(service);
				if (aggregates) {
					try (Connection connection = this.server.connect(this.database)) {
						System.out.printf(Locale.ROOT, "aggregates: %d responses counted for %d stored%n",
								queryLong(connection, "select coalesce(sum(responses), 0) from unit_response_count"),
								queryLong(connection, "select count(*) from response"));
					}
				}
			}
		}
		System.out.printf(Locale.ROOT, "%s: service phase: %d acknowledged in %.1f s, %d errors%n", label,
				service.acknowledged().size(), service.elapsedSeconds(), service.errors());
		service.errorKinds().forEach((kind, count) -> System.out.printf(Locale.ROOT, "  error %s: %d%n", kind, count));
		if (service.firstError() != null) {
			System.out.println("  first error: " + service.firstError());
		}
		System.out.println("database after service phase: " + stored.describe(service));
		System.out.println("r2dbc pool: " + pool.describe());
		System.out.println("cpu during service phase: " + serviceCpu);
		return new ServicePhase(label, campaign, service, stored, complete);
	}

	/** The phase with the median rate (the lower middle one of an even number). */
	private static ServicePhase median(List<ServicePhase> phases) {
		var sorted = new ArrayList<>(phases);
		sorted.sort(java.util.Comparator.comparingDouble(ServicePhase::perSecond));
		return sorted.get((sorted.size() - 1) / 2);
	}

	private record ServicePhase(String label, long campaign, Phase service, Counts stored, boolean complete) {

		double perSecond() {
			return this.service.acknowledged().size() / this.service.elapsedSeconds();
		}

		double report(Pgbench raw) {
			double perSecond = this.service.acknowledged().size() / this.service.elapsedSeconds();
			System.out.printf(Locale.ROOT,
					"service, %s (HTTP+JSON+validation+insert): %.0f responses/s, p50 %.1f ms, p90 %.1f ms, "
							+ "p99 %.1f ms, max %.1f ms, errors %d; ratio service/raw: %.2f%n",
					this.label, perSecond, this.service.percentile(0.50), this.service.percentile(0.90),
					this.service.percentile(0.99), this.service.percentile(1.0), this.service.errors(),
					perSecond / raw.tps());
			long acknowledged = this.service.acknowledged().size();
			System.out.printf(Locale.ROOT,
					"database check, %s: %d responses acknowledged, %d stored, %d acknowledged ones missing%s%n",
					this.label, acknowledged, this.stored.responses(), acknowledged - this.stored.present(),
					(this.stored.responses() == acknowledged && this.stored.present() == acknowledged)
							? " (exact match)" : " (MISMATCH)");
			return perSecond / raw.tps();
		}

	}

	private ConfigurableApplicationContext startService(boolean aggregates, String... more) {
		String password = (this.server.password() != null) ? this.server.password() : "";
		var arguments = new ArrayList<>(List.of("--spring.r2dbc.url=" + this.server.r2dbcUrl(this.database),
				"--spring.r2dbc.username=" + this.server.user(), "--spring.r2dbc.password=" + password,
				"--spring.flyway.url=" + this.server.jdbcUrl(this.database),
				"--spring.flyway.user=" + this.server.user(), "--spring.flyway.password=" + password, "--server.port=0",
				"--server.address=127.0.0.1", "--hailong.templates.directories=" + this.settings.templates(),
				"--logging.level.root=WARN", "--hailong.aggregates.enabled=" + aggregates,
				BenchmarkAdministrator.arguments()[0], BenchmarkAdministrator.arguments()[1]));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(HaiLongApplication.class).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			// Command-line arguments, so that they win over application.yml.
			.run(arguments.toArray(String[]::new));
	}

	/**
	 * Starts two instances in this JVM, sharing the rate limit in Redis and relaying
	 * progress through PostgreSQL as a deployment behind a load balancer does, and drives
	 * the same clients at them, each client at one instance, half at each.
	 */
	private Phase measureTwoInstances(long campaign) throws Exception {
		String[] redis = { "--spring.data.redis.host=" + this.settings.redisHost(),
				"--spring.data.redis.port=" + this.settings.redisPort(),
				"--hailong.redis.key-prefix=" + this.database + ":" };
		try (ConfigurableApplicationContext a = startService(true, redis);
				ConfigurableApplicationContext b = startService(true, redis);
				Http httpA = new Http(port(a), (this.settings.clients() + 1) / 2);
				Http httpB = new Http(port(b), (this.settings.clients() + 1) / 2)) {
			List<Http> both = List.of(httpA, httpB);
			System.out.printf(Locale.ROOT,
					"two instances on 127.0.0.1:%d and :%d with Redis at %s:%d; warming up %d s%n", port(a), port(b),
					this.settings.redisHost(), this.settings.redisPort(), this.settings.warmup());
			var rates = new ArrayList<String>();
			for (int left = this.settings.warmup(); left > 0; left -= 5) {
				Phase round = drive(both, campaign, Math.min(5, left));
				rates.add(String.format(Locale.ROOT, "%.0f", round.acknowledged().size() / round.elapsedSeconds()));
			}
			System.out.println("warm-up responses/s by round: " + String.join(", ", rates));
			truncate();
			System.out.printf(Locale.ROOT, "two-instance phase: %d clients, %d s%n", this.settings.clients(),
					this.settings.seconds());
			CpuSample before = CpuSample.take();
			Phase phase = drive(both, campaign, this.settings.seconds());
			String cpu = CpuSample.take().describe(before);
			System.out.printf(Locale.ROOT, "two-instance phase: %d acknowledged in %.1f s, %d errors%n",
					phase.acknowledged().size(), phase.elapsedSeconds(), phase.errors());
			phase.errorKinds()
				.forEach((kind, count) -> System.out.printf(Locale.ROOT, "  error %s: %d%n", kind, count));
			if (phase.firstError() != null) {
				System.out.println("  first error: " + phase.firstError());
			}
			System.out.println("cpu during two-instance phase: " + cpu);
			return phase;
		}
	}

	private static int port(ConfigurableApplicationContext app) {
		return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * Imports a district office and its schools, then creates and opens a campaign for
	 * the schools.
	 */
	private long setUp(Http http) {
		var csv = new StringBuilder("code,name,level,parent,population\n");
		csv.append("bench-pgd,Phòng Giáo dục và Đào tạo (benchmark),district_office,,0\n");
		var codes = new ArrayList<String>();
		for (int i = 1; i <= UNITS; i++) {
			String code = unitCode(i);
			codes.add(code);
			csv.append(String.format(Locale.ROOT, "%s,Trường benchmark %02d,%s,bench-pgd,%d%n", code, i,
					(i % 2 == 0) ? "lower_secondary" : "primary", 300 + 25 * i));
		}
		http.expect(HttpMethod.POST, "/api/v1/units/import", "text/csv; charset=utf-8", csv.toString());
		Instant now = Instant.now();
		String campaign = String.format(Locale.ROOT,
				"{\"name\":\"Intake benchmark\",\"template\":\"%s\",\"templateVersion\":1,\"period\":\"2025-Q1\","
						+ "\"opensAt\":\"%s\"," + "\"closesAt\":\"%s\",\"units\":[%s],\"rateLimit\":%d}",
				TEMPLATE, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)),
				codes.stream().map((code) -> "\"" + code + "\"").collect(Collectors.joining(",")), RATE_LIMIT);
		String created = http.expect(HttpMethod.POST, "/api/v1/campaigns", "application/json", campaign);
		long id = JsonMapper.builder().build().readTree(created).get("id").asLong();
		http.expect(HttpMethod.POST, "/api/v1/campaigns/" + id + "/open", "application/json", "");
		return id;
	}

	/**
	 * Runs the clients in rounds of at most five seconds until the warm-up time has
	 * passed, printing each round's rate to show whether the JIT has settled.
	 */
	private Phase warmUp(Http http, long campaign) {
		var rounds = new ArrayList<Phase>();
		var rates = new ArrayList<String>();
		for (int left = this.settings.warmup(); left > 0; left -= 5) {
			Phase round = drive(http, campaign, Math.min(5, left));
			rounds.add(round);
			rates.add(String.format(Locale.ROOT, "%.0f", round.acknowledged().size() / round.elapsedSeconds()));
		}
		if (!rates.isEmpty()) {
			System.out.println("warm-up responses/s by round: " + String.join(", ", rates));
		}
		return Phase.merge(rounds);
	}

	/**
	 * Runs the clients until the given number of seconds has passed; each sends its next
	 * response when the previous one is answered.
	 */
	private Phase drive(Http http, long campaign, int seconds) {
		return drive(List.of(http), campaign, seconds);
	}

	/**
	 * Runs the clients, each at one of the given instances in turn.
	 */
	private Phase drive(List<Http> https, long campaign, int seconds) {
		List<Client> clients = IntStream.range(0, this.settings.clients())
			.mapToObj((i) -> new Client(https.get(i % https.size()), "/api/v1/campaigns/" + campaign + "/responses"))
			.toList();
		long start = System.nanoTime();
		long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
		Flux.fromIterable(clients)
			.flatMap((client) -> client.run(deadline), clients.size())
			.then()
			.block(Duration.ofSeconds(seconds).plus(REQUEST_TIMEOUT).plusSeconds(30));
		return Phase.of(clients, System.nanoTime() - start);
	}

	private Counts count(Phase phase) throws SQLException {
		try (Connection connection = this.server.connect(this.database);
				var statement = connection.prepareStatement("select (select count(*) from response), "
						+ "(select count(*) from answer), (select count(*) from free_text_answer), "
						+ "(select count(*) from response where id = any (?))")) {
			statement.setArray(1, connection.createArrayOf("uuid", phase.acknowledged().toArray()));
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return new Counts(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
			}
		}
	}

	private void truncate() throws SQLException {
		try (Connection connection = this.server.connect(this.database)) {
			execute(connection, "truncate answer, free_text_answer, response, unit_response_count, unit_value_count, "
					+ "unit_measure_total");
			try {
				execute(connection, "checkpoint");
			}
			catch (SQLException ex) {
				// Not allowed for this role: the phases then share checkpoints by chance.
			}
		}
	}

	/**
	 * Runs pgbench with one script per response shape, each the service's own insert
	 * statement with the parameters written out.
	 */
	private Pgbench pgbench(String insert, long campaign) throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory("hailong-pgbench");
		try {
			var command = new ArrayList<>(List.of(this.settings.pgbench(), "-n", "-M", "prepared", "-c",
					Integer.toString(this.settings.clients()), "-j",
					Integer.toString(Math.min(2, this.settings.clients())), "-T",
					Integer.toString(this.settings.seconds()), "-h", this.server.host(), "-p",
					Integer.toString(this.server.port()), "-U", this.server.user()));
			for (Shape shape : SHAPES) {
				Path script = directory.resolve(shape.name() + ".sql");
				Files.writeString(script, shape.pgbenchScript(insert, campaign));
				command.add("-f");
				command.add(script + "@" + shape.weight());
			}
			command.add(this.database);
			Path output = directory.resolve("pgbench.out");
			var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
			if (this.server.password() != null) {
				builder.environment().put("PGPASSWORD", this.server.password());
			}
			Process process = builder.start();
			if (!process.waitFor(this.settings.seconds() + 120L, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("pgbench did not finish in time");
			}
			String text = Files.readString(output);
			Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(text);
			if (process.exitValue() != 0 || !tps.find()) {
				throw new IllegalStateException("pgbench failed (exit " + process.exitValue() + "):\n" + text);
			}
			return new Pgbench(Double.parseDouble(tps.group(1)),
					find(text, "number of transactions actually processed: (\\d+)").map(Long::parseLong).orElse(-1L),
					find(text, "number of failed transactions: (\\d+)").map(Long::parseLong).orElse(0L),
					find(text, "latency average = ([0-9.]+) ms").map(Double::parseDouble).orElse(Double.NaN));
		}
		finally {
			try (var files = Files.list(directory)) {
				for (Path file : files.toList()) {
					Files.deleteIfExists(file);
				}
			}
			Files.deleteIfExists(directory);
		}
	}

	private void dropDatabase() {
		if (!this.dropped.compareAndSet(false, true)) {
			return;
		}
		try (Connection admin = this.server.connect(this.server.database())) {
			execute(admin, "drop database if exists " + quote(this.database) + " with (force)");
			System.out.println("dropped database " + this.database);
		}
		catch (SQLException ex) {
			System.err.println("could not drop database " + this.database + ": " + ex.getMessage());
		}
	}

	/**
	 * Reads the statement the service stores a response with, so that pgbench runs the
	 * very same one.
	 */
	private static String serviceInsert() {
		try {
			Field field = Class.forName("vn.hailong.response.ResponseRepository").getDeclaredField("INSERT");
			field.setAccessible(true);
			return (String) field.get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot read ResponseRepository.INSERT, the statement pgbench runs", ex);
		}
	}

	private static String unitCode(int number) {
		return String.format(Locale.ROOT, "bench-%02d", number);
	}

	private static Optional<String> find(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long queryLong(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/**
	 * The benchmark's settings, from system properties.
	 */
	private record Settings(int clients, int seconds, int warmup, Path templates, String pgbench, String databaseUrl,
			boolean twoInstances, String redisHost, int redisPort, int rounds) {

		static Settings fromSystemProperties() {
			String url = System.getenv("HAILONG_BENCH_DATABASE_URL");
			var settings = new Settings(Integer.getInteger("benchmark.clients", 32),
					Integer.getInteger("benchmark.seconds", 20), Integer.getInteger("benchmark.warmup", 40),
					Path.of(System.getProperty("benchmark.templates", "survey-templates")).toAbsolutePath(),
					System.getProperty("benchmark.pgbench", "pgbench"),
					(url != null && !url.isBlank()) ? url : DEFAULT_DATABASE_URL,
					!"false".equals(System.getProperty("benchmark.two-instances", "true")),
					System.getProperty("benchmark.redis-host", "127.0.0.1"),
					Integer.getInteger("benchmark.redis-port", 6379), Integer.getInteger("benchmark.rounds", 3));
			if (settings.clients() < 1 || settings.seconds() < 1 || settings.warmup() < 0 || settings.rounds() < 1) {
				throw new IllegalArgumentException(
						"benchmark.clients, benchmark.seconds and benchmark.rounds must be at least 1, "
								+ "benchmark.warmup at least 0");
			}
			return settings;
		}

	}

	/**
	 * The PostgreSQL server, from a JDBC URL such as
	 * {@code jdbc:postgresql://localhost:5432/postgres?user=postgres}.
	 */
	private record Server(String host, int port, String database, String user, String password, String query) {

		static Server parse(String jdbcUrl) {
			if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
				throw new IllegalArgumentException("HAILONG_BENCH_DATABASE_URL must be jdbc:postgresql://...");
			}
			URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
			var parameters = new HashMap<String, String>();
			if (uri.getRawQuery() != null) {
				for (String pair : uri.getRawQuery().split("&")) {
					int equals = pair.indexOf('=');
					if (equals > 0) {
						parameters.put(pair.substring(0, equals),
								URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
					}
				}
			}
			String path = (uri.getPath() != null) ? uri.getPath().replaceFirst("^/", "") : "";
			return new Server((uri.getHost() != null) ? uri.getHost() : "localhost",
					(uri.getPort() > 0) ? uri.getPort() : 5432, path.isEmpty() ? "postgres" : path,
					parameters.getOrDefault("user", "postgres"), parameters.get("password"), uri.getRawQuery());
		}

		String jdbcUrl(String database) {
			return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database
					+ ((this.query != null) ? "?" + this.query : "");
		}

		String r2dbcUrl(String database) {
			return "r2dbc:postgresql://" + this.host + ":" + this.port + "/" + database;
		}

		Connection connect(String database) throws SQLException {
			var properties = new Properties();
			properties.setProperty("user", this.user);
			if (this.password != null) {
				properties.setProperty("password", this.password);
			}
			return DriverManager.getConnection(jdbcUrl(database), properties);
		}

	}

	/**
	 * Which answers a response has: the filing channel decides which of tc3, tc4 and tc5
	 * is shown, and a complaint shows gy2 to gy4.
	 *
	 * @param channel the answer to {@code hinh_thuc_nop}
	 * @param complained the answer to {@code gy_co}
	 * @param items the counted items, in template order
	 */
	private record Shape(String channel, boolean complained, List<String> items) {

		static List<Shape> all() {
			var shapes = new ArrayList<Shape>();
			String[] channels = { "truc_tiep", "buu_chinh", "truc_tuyen" };
			for (int i = 0; i < channels.length; i++) {
				for (boolean complained : new boolean[] { false, true }) {
					var items = new ArrayList<>(
							List.of("hinh_thuc_nop", "tc1", "tc2", "tc" + (3 + i), "tt1", "tt2", "tt3", "tt4", "tt5",
									"cc1", "cc2", "cc3", "cc4", "kq1", "kq2", "kq3", "kq4", "gy1", "gy_co"));
					if (complained) {
						items.addAll(List.of("gy2", "gy3", "gy4"));
					}
					items.add("hl_chung");
					shapes.add(new Shape(channels[i], complained, List.copyOf(items)));
				}
			}
			return List.copyOf(shapes);
		}

		/**
		 * Picks a shape: each channel equally often, a complaint one time in three.
		 */
		static Shape random(ThreadLocalRandom random) {
			return SHAPES.get(2 * random.nextInt(3) + ((random.nextInt(3) == 0) ? 1 : 0));
		}

		String name() {
			return this.channel + (this.complained ? "-gop-y" : "");
		}

		int weight() {
			return this.complained ? 1 : 2;
		}

		String json(UUID id, String unit, ThreadLocalRandom random) {
			var json = new StringBuilder(640).append("{\"id\":\"")
				.append(id)
				.append("\",\"unit\":\"")
				.append(unit)
				.append("\",\"answers\":{");
			for (String item : this.items) {
				json.append('"').append(item).append("\":");
				switch (item) {
					case "hinh_thuc_nop" -> json.append('"').append(this.channel).append('"');
					case "gy_co" -> json.append(this.complained);
					default -> json.append(1 + random.nextInt(5));
				}
				json.append(',');
			}
			return json.append("\"de_xuat\":\"").append(SUGGESTION).append("\"}}").toString();
		}

		/**
		 * Writes a pgbench script that runs the service's statement for one response of
		 * this shape, with random scale answers and unit.
		 */
		String pgbenchScript(String insert, long campaign) {
			var script = new StringBuilder();
			script.append("\\set campaign ").append(campaign).append('\n');
			script.append("\\set unit_no random(1, ").append(UNITS).append(")\n");
			var values = new ArrayList<String>();
			int scale = 0;
			for (String item : this.items) {
				switch (item) {
					case "hinh_thuc_nop" -> values.add(literal(this.channel));
					case "gy_co" -> values.add(literal(this.complained ? "yes" : "no"));
					default -> {
						scale++;
						script.append("\\set s").append(scale).append(" random(1, 5)\n");
						values.add("cast(:s" + scale + " as text)");
					}
				}
			}
			// The response id: random, and the same in the response, answer and free-text
			// rows.
			for (int part = 1; part <= 4; part++) {
				script.append("\\set id").append(part).append(" random(0, 4294967295)\n");
			}
			String id = "cast(lpad(to_hex(cast(:id1 as bigint)), 8, '0') || lpad(to_hex(cast(:id2 as bigint)), 8, '0') || lpad(to_hex(cast(:id3 as bigint)), 8, '0') "
					+ "|| lpad(to_hex(cast(:id4 as bigint)), 8, '0') as uuid)";
			var parameters = Map.ofEntries(Map.entry("ids", "array[" + id + "]"),
					Map.entry("campaigns", "array[cast(:campaign as bigint)]"),
					Map.entry("units", "array['bench-' || lpad(cast(:unit_no as text), 2, '0')]"),
					Map.entry("hashes", "array[encode(sha256(uuid_send(" + id + ")), 'hex')]"),
					Map.entry("markers",
							"array[encode(sha256(uuid_send(" + id + ") || cast('marker' as bytea)), 'hex')]"),
					Map.entry("codes", "cast(array[null] as text[])"),
					Map.entry("answerIds", "array_fill(" + id + ", array[" + this.items.size() + "])"),
					Map.entry("items", "array["
							+ this.items.stream().map(IntakeBenchmark::literal).collect(Collectors.joining(", "))
							+ "]"),
					Map.entry("values", "array[" + String.join(", ", values) + "]"),
					Map.entry("positions",
							"array[" + String.join(", ", Collections.nCopies(this.items.size(), "0")) + "]"),
					Map.entry("textIds", "array[" + id + "]"), Map.entry("textItems", "array['de_xuat']"),
					Map.entry("texts", "array[" + literal(SUGGESTION) + "]"));
			Matcher matcher = PARAMETER.matcher(insert.strip());
			var statement = new StringBuilder();
			while (matcher.find()) {
				String value = parameters.get(matcher.group(1));
				if (value == null) {
					throw new IllegalStateException("ResponseRepository.INSERT has the parameter :" + matcher.group(1)
							+ ", which the benchmark does not fill in");
				}
				matcher.appendReplacement(statement, Matcher.quoteReplacement(value));
			}
			matcher.appendTail(statement);
			return script.append(statement).append(";\n").toString();
		}

	}

	/**
	 * One client: sends a response, waits for the answer, and goes on until the deadline.
	 * Only one request is in flight at a time, so its fields need no locking.
	 */
	private static final class Client {

		private final Http http;

		private final String path;

		private final List<UUID> acknowledged = new ArrayList<>();

		private final Map<String, Long> errorKinds = new TreeMap<>();

		private long[] latencies = new long[4096];

		private long answerRows;

		private long errors;

		private String firstError;

		Client(Http http, String path) {
			this.http = http;
			this.path = path;
		}

		Mono<Void> run(long deadline) {
			return Mono.defer(this::submitOne).repeat(() -> System.nanoTime() - deadline < 0).then();
		}

		private Mono<Void> submitOne() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			Shape shape = Shape.random(random);
			UUID id = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
					(random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
			byte[] body = shape.json(id, unitCode(1 + random.nextInt(UNITS)), random).getBytes(StandardCharsets.UTF_8);
			long start = System.nanoTime();
			return this.http.send(HttpMethod.POST, this.path, "application/json", body).doOnNext((reply) -> {
				if (reply.status() / 100 == 2) {
					record(System.nanoTime() - start);
					this.acknowledged.add(id);
					this.answerRows += shape.items().size();
				}
				else {
					error("HTTP " + reply.status(), reply.body());
				}
			}).onErrorResume((ex) -> {
				error(ex.getClass().getSimpleName(), String.valueOf(ex.getMessage()));
				return Mono.empty();
			}).then();
		}

		private void record(long nanos) {
			int count = this.acknowledged.size();
			if (count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, count * 2);
			}
			this.latencies[count] = nanos;
		}

		private void error(String kind, String detail) {
			this.errors++;
			this.errorKinds.merge(kind, 1L, Long::sum);
			if (this.firstError == null) {
				this.firstError = kind + ": " + detail.substring(0, Math.min(300, detail.length()));
			}
		}

	}

	/**
	 * What the clients of one phase did.
	 */
	private record Phase(long elapsedNanos, long[] latencies, List<UUID> acknowledged, long answerRows, long errors,
			Map<String, Long> errorKinds, String firstError) {

		static Phase of(List<Client> clients, long elapsedNanos) {
			var acknowledged = new ArrayList<UUID>();
			var kinds = new TreeMap<String, Long>();
			long answerRows = 0;
			long errors = 0;
			String firstError = null;
			for (Client client : clients) {
				acknowledged.addAll(client.acknowledged);
				client.errorKinds.forEach((kind, count) -> kinds.merge(kind, count, Long::sum));
				answerRows += client.answerRows;
				errors += client.errors;
				firstError = (firstError != null) ? firstError : client.firstError;
			}
			long[] latencies = clients.stream()
				.flatMapToLong((client) -> Arrays.stream(client.latencies, 0, client.acknowledged.size()))
				.sorted()
				.toArray();
			return new Phase(elapsedNanos, latencies, acknowledged, answerRows, errors, kinds, firstError);
		}

		static Phase merge(List<Phase> phases) {
			var acknowledged = new ArrayList<UUID>();
			var kinds = new TreeMap<String, Long>();
			long elapsedNanos = 0;
			long answerRows = 0;
			long errors = 0;
			String firstError = null;
			for (Phase phase : phases) {
				elapsedNanos += phase.elapsedNanos();
				acknowledged.addAll(phase.acknowledged());
				phase.errorKinds().forEach((kind, count) -> kinds.merge(kind, count, Long::sum));
				answerRows += phase.answerRows();
				errors += phase.errors();
				firstError = (firstError != null) ? firstError : phase.firstError();
			}
			long[] latencies = phases.stream()
				.flatMapToLong((phase) -> Arrays.stream(phase.latencies()))
				.sorted()
				.toArray();
			return new Phase(elapsedNanos, latencies, acknowledged, answerRows, errors, kinds, firstError);
		}

		double elapsedSeconds() {
			return this.elapsedNanos / 1e9;
		}

		/**
		 * Returns the latency, in milliseconds, that the given share of acknowledged
		 * responses did not exceed.
		 */
		double percentile(double share) {
			if (this.latencies.length == 0) {
				return Double.NaN;
			}
			int rank = (int) Math.ceil(share * this.latencies.length);
			return this.latencies[Math.max(0, rank - 1)] / 1e6;
		}

	}

	/**
	 * What the database holds after a phase.
	 *
	 * @param responses rows in {@code response}
	 * @param answers rows in {@code answer}
	 * @param texts rows in {@code free_text_answer}
	 * @param present how many of the acknowledged ids are in {@code response}
	 */
	private record Counts(long responses, long answers, long texts, long present) {

		boolean complete(Phase phase) {
			return this.present == phase.acknowledged().size();
		}

		String describe(Phase phase) {
			return String.format(Locale.ROOT,
					"%d responses stored (%s), %d answer rows (%d expected), %d free-text rows (%d expected)",
					this.responses,
					complete(phase) ? "every acknowledged one present"
							: (phase.acknowledged().size() - this.present) + " ACKNOWLEDGED ONES MISSING",
					this.answers, phase.answerRows(), this.texts, phase.acknowledged().size());
		}

	}

	/**
	 * CPU time used by the whole machine (from {@code /proc/stat}, when there is one) and
	 * by this JVM, to tell whether other processes competed for the cores.
	 */
	private record CpuSample(long total, long idle, long processNanos, long wallNanos) {

		static CpuSample take() {
			long total = -1;
			long idle = -1;
			try {
				String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				total = 0;
				for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
					total += Long.parseLong(fields[i]);
				}
				idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			}
			catch (IOException | RuntimeException ex) {
				// Not Linux: only this JVM's share is known.
			}
			long process = (ManagementFactory
				.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean)
						? bean.getProcessCpuTime() : -1;
			return new CpuSample(total, idle, process, System.nanoTime());
		}

		double machineBusy(CpuSample start) {
			long total = this.total - start.total;
			return (start.total < 0 || total <= 0) ? Double.NaN : 1.0 - (double) (this.idle - start.idle) / total;
		}

		String describe(CpuSample start) {
			double process = (this.processNanos - start.processNanos)
					/ ((double) (this.wallNanos - start.wallNanos) * Runtime.getRuntime().availableProcessors());
			return String.format(Locale.ROOT, "machine %.0f%% busy, this JVM (service and HTTP clients) %.0f%%",
					100 * machineBusy(start), 100 * process);
		}

	}

	/**
	 * The figures pgbench printed.
	 */
	private record Pgbench(double tps, long transactions, long failed, double latencyAverage) {
	}

	/**
	 * An HTTP answer.
	 */
	private record Reply(int status, String body) {
	}

	/**
	 * A non-blocking HTTP client to the service, on its own event loop and with one
	 * connection per benchmark client.
	 */
	private static final class Http implements AutoCloseable {

		private final LoopResources loops;

		private final ConnectionProvider connections;

		private final HttpClient client;

		Http(int port, int clients) {
			this.loops = LoopResources.create("bench-http", 1, true);
			this.connections = ConnectionProvider.builder("bench-http")
				.maxConnections(clients)
				.pendingAcquireTimeout(REQUEST_TIMEOUT)
				.build();
			this.client = HttpClient.create(this.connections)
				.runOn(this.loops)
				.baseUrl("http://127.0.0.1:" + port)
				.responseTimeout(REQUEST_TIMEOUT);
		}

		Mono<Reply> send(HttpMethod method, String path, String contentType, byte[] body) {
			return send(method, path, contentType, body, null);
		}

		Mono<Reply> send(HttpMethod method, String path, String contentType, byte[] body, String authorization) {
			return this.client.request(method).uri(path).send((request, outbound) -> {
				if (authorization != null) {
					request.header(HttpHeaderNames.AUTHORIZATION, authorization);
				}
				request.header(HttpHeaderNames.CONTENT_TYPE, contentType)
					.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
				return outbound.sendByteArray(Mono.just(body));
			})
				.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
					.defaultIfEmpty("")
					.map((text) -> new Reply(response.status().code(), text)))
				.timeout(REQUEST_TIMEOUT);
		}

		/**
		 * Sends a set-up request and fails unless it succeeds.
		 */
		String expect(HttpMethod method, String path, String contentType, String body) {
			Reply reply = send(method, path, contentType, body.getBytes(StandardCharsets.UTF_8),
					BenchmarkAdministrator.authorization())
				.block(REQUEST_TIMEOUT.plusSeconds(5));
			if (reply == null || reply.status() / 100 != 2) {
				throw new IllegalStateException(method + " " + path + " failed: "
						+ ((reply != null) ? reply.status() + " " + reply.body() : "no answer"));
			}
			return reply.body();
		}

		@Override
		public void close() {
			this.connections.disposeLater().then(this.loops.disposeLater()).block(Duration.ofSeconds(10));
		}

	}

	/**
	 * Samples the service's R2DBC pool, to show whether requests waited for a connection.
	 */
	private static final class PoolWatch implements AutoCloseable {

		private final PoolMetrics metrics;

		private final AtomicInteger peakAcquired = new AtomicInteger();

		private final AtomicInteger peakPending = new AtomicInteger();

		private final AtomicLong samples = new AtomicLong();

		private final AtomicLong sumAcquired = new AtomicLong();

		private final AtomicLong sumPending = new AtomicLong();

		private final Disposable sampling;

		private PoolWatch(PoolMetrics metrics) {
			this.metrics = metrics;
			this.sampling = (metrics != null) ? Flux.interval(Duration.ofMillis(20)).subscribe((tick) -> {
				int acquired = metrics.acquiredSize();
				int pending = metrics.pendingAcquireSize();
				this.peakAcquired.accumulateAndGet(acquired, Math::max);
				this.peakPending.accumulateAndGet(pending, Math::max);
				this.sumAcquired.addAndGet(acquired);
				this.sumPending.addAndGet(pending);
				this.samples.incrementAndGet();
			}) : null;
		}

		static PoolWatch start(ConnectionFactory factory) {
			return new PoolWatch((factory instanceof ConnectionPool pool) ? pool.getMetrics().orElse(null) : null);
		}

		String describe() {
			if (this.metrics == null) {
				return "no metrics";
			}
			double samples = Math.max(1, this.samples.get());
			return String.format(Locale.ROOT,
					"max %d connections; in use %.1f on average, at most %d; "
							+ "waiting for a connection %.1f on average, at most %d",
					this.metrics.getMaxAllocatedSize(), this.sumAcquired.get() / samples, this.peakAcquired.get(),
					this.sumPending.get() / samples, this.peakPending.get());
		}

		@Override
		public void close() {
			if (this.sampling != null) {
				this.sampling.dispose();
			}
		}

	}

}
