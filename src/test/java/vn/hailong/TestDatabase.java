package vn.hailong;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL database of one test run: a Testcontainers container where Docker is
 * available, otherwise a fresh database, created for the run and dropped after it, on the
 * server named by {@code HAILONG_TEST_DATABASE_URL} (default
 * {@code jdbc:postgresql://localhost:5432/postgres?user=postgres}).
 */
public final class TestDatabase {

	private static final String DEFAULT_SERVER = "jdbc:postgresql://localhost:5432/postgres?user=postgres";

	private static TestDatabase instance;

	private final String host;

	private final int port;

	private final String database;

	private final String username;

	private final String password;

	private TestDatabase(String host, int port, String database, String username, String password) {
		this.host = host;
		this.port = port;
		this.database = database;
		this.username = username;
		this.password = password;
	}

	/**
	 * Returns the run's database, starting or creating it on first use.
	 * @return the database
	 */
	public static synchronized TestDatabase get() {
		if (instance == null) {
			instance = (dockerAvailable()) ? container() : freshDatabase(serverUrl());
		}
		return instance;
	}

	static String serverUrl() {
		String url = System.getenv("HAILONG_TEST_DATABASE_URL");
		return (url != null && !url.isBlank()) ? url : DEFAULT_SERVER;
	}

	private static boolean dockerAvailable() {
		if (Boolean.getBoolean("hailong.test.no-docker") || System.getenv("HAILONG_TEST_DATABASE_URL") != null) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@SuppressWarnings("resource")
	private static TestDatabase container() {
		var container = new PostgreSQLContainer("postgres:15-alpine");
		container.start();
		return new TestDatabase(container.getHost(), container.getMappedPort(5432), container.getDatabaseName(),
				container.getUsername(), container.getPassword());
	}

	/**
	 * Creates a database for this run on the given server and drops it when the JVM
	 * exits.
	 * @param serverUrl a JDBC URL of any database on the server, with the credentials as
	 * parameters
	 * @return the new database
	 */
	public static TestDatabase freshDatabase(String serverUrl) {
		String name = "hailong_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
				+ ProcessHandle.current().pid();
		var parsed = org.postgresql.Driver.parseURL(serverUrl, new Properties());
		if (parsed == null) {
			throw new IllegalStateException("HAILONG_TEST_DATABASE_URL is not a PostgreSQL JDBC URL: " + serverUrl);
		}
		String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
		int port = Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
		String user = parsed.getProperty("user", "postgres");
		String password = parsed.getProperty("password", "");
		execute(serverUrl, "create database " + name);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> execute(serverUrl, "drop database if exists " + name + " with (force)")));
		return new TestDatabase(host, port, name, user, password);
	}

	private static void execute(String serverUrl, String sql) {
		try (Connection connection = DriverManager.getConnection(serverUrl)) {
			connection.createStatement().execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run '" + sql + "' on " + serverUrl
					+ ": is PostgreSQL running there? (set HAILONG_TEST_DATABASE_URL)", ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
	}

	public String r2dbcUrl() {
		return "r2dbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public String database() {
		return this.database;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/**
	 * Returns the Spring properties that point the service at this database.
	 * @return the properties
	 */
	public Map<String, Object> springProperties() {
		return Map.of("spring.r2dbc.url", r2dbcUrl(), "spring.r2dbc.username", this.username, "spring.r2dbc.password",
				this.password, "spring.flyway.url", jdbcUrl(), "spring.flyway.user", this.username,
				"spring.flyway.password", this.password);
	}

}
