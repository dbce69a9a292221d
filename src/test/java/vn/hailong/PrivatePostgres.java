package vn.hailong;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and its streaming replica of a test's own, made with
 * {@code initdb} and {@code pg_basebackup} in a temporary directory and started with
 * {@code pg_ctl} on free ports: the shared server on 5432 is never touched. Runs the
 * binaries of Debian's PostgreSQL ({@code /usr/lib/postgresql/<newest>/bin}, or
 * {@code HAILONG_TEST_PG_BIN}); as root, they run as the {@code postgres} user, since
 * PostgreSQL refuses to run as root. Everything is removed on {@link #close()}.
 */
public final class PrivatePostgres implements AutoCloseable {

	private final Path bin;

	private final Path directory;

	private final boolean asPostgresUser;

	private final int primaryPort = PrivateRedis.freePort();

	private final int replicaPort = PrivateRedis.freePort();

	private boolean replicaRunning;

	private PrivatePostgres(Path bin, Path directory, boolean asPostgresUser) {
		this.bin = bin;
		this.directory = directory;
		this.asPostgresUser = asPostgresUser;
	}

	/**
	 * Makes and starts a primary with a database {@code hailong}, then a streaming
	 * replica of it.
	 * @return the running pair
	 */
	public static PrivatePostgres start() {
		try {
			Path directory = Files.createTempDirectory("hailong-replica-test");
			boolean root = "root".equals(System.getProperty("user.name"));
			var cluster = new PrivatePostgres(bin(), directory, root);
			Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
			cluster.startBoth();
			return cluster;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void startBoth() throws IOException {
		if (this.asPostgresUser) {
			run("chown", "postgres", this.directory.toString());
		}
		Path primary = this.directory.resolve("primary");
		Path replica = this.directory.resolve("replica");
		pg("initdb", "-D", primary.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C",
				"--no-sync");
		pg("pg_ctl", "-D", primary.toString(), "-l", this.directory.resolve("primary.log").toString(), "-w", "-o",
				options(this.primaryPort) + " -c wal_level=replica -c max_wal_senders=4 -c fsync=off", "start");
		pg("pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(this.primaryPort), "-U", "postgres", "-D",
				replica.toString(), "-R", "-X", "stream", "--no-sync");
		pg("pg_ctl", "-D", replica.toString(), "-l", this.directory.resolve("replica.log").toString(), "-w", "-o",
				options(this.replicaPort) + " -c hot_standby=on", "start");
		this.replicaRunning = true;
		try (Connection connection = DriverManager.getConnection(primaryJdbcUrl("postgres"), "postgres", "")) {
			connection.createStatement().execute("create database hailong");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String options(int port) {
		return "-p " + port + " -k " + this.directory + " -c listen_addresses=127.0.0.1";
	}

	public String primaryJdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.primaryPort + "/" + database;
	}

	public String primaryR2dbcUrl() {
		return "r2dbc:postgresql://127.0.0.1:" + this.primaryPort + "/hailong";
	}

	public String replicaJdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.replicaPort + "/hailong";
	}

	public String replicaR2dbcUrl() {
		return "r2dbc:postgresql://127.0.0.1:" + this.replicaPort + "/hailong";
	}

	/**
	 * Stops the replica (fast shutdown), leaving the primary running.
	 */
	public void stopReplica() {
		if (this.replicaRunning) {
			this.replicaRunning = false;
			pg("pg_ctl", "-D", this.directory.resolve("replica").toString(), "-m", "fast", "-w", "stop");
		}
	}

	@Override
	public synchronized void close() {
		if (!Files.exists(this.directory)) {
			return;
		}
		try {
			stopReplica();
		}
		catch (RuntimeException ex) {
			// already stopped
		}
		try {
			pg("pg_ctl", "-D", this.directory.resolve("primary").toString(), "-m", "immediate", "-w", "stop");
		}
		catch (RuntimeException ex) {
			// already stopped
		}
		try (Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort
		}
	}

	private void pg(String program, String... arguments) {
		var command = new ArrayList<String>();
		if (this.asPostgresUser) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(this.bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		run(command.toArray(String[]::new));
	}

	private void run(String... command) {
		try {
			Path output = Files.createTempFile("hailong-pg", ".out");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			boolean finished = process.waitFor(120, TimeUnit.SECONDS);
			String text = Files.readString(output);
			Files.deleteIfExists(output);
			if (!finished || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + text);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path bin() throws IOException {
		String configured = System.getenv("HAILONG_TEST_PG_BIN");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		Path debian = Path.of("/usr/lib/postgresql");
		try (Stream<Path> versions = Files.list(debian)) {
			return versions.filter((path) -> Files.isExecutable(path.resolve("bin/initdb")))
				.max(Comparator.comparingInt((path) -> Integer.parseInt(path.getFileName().toString().split("\\.")[0])))
				.map((path) -> path.resolve("bin"))
				.orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries under " + debian));
		}
	}

}
