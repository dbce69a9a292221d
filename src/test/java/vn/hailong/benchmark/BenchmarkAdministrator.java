package vn.hailong.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The administrator a benchmark's service is started with, for its set-up requests; the
 * measured respondent requests stay anonymous.
 */
final class BenchmarkAdministrator {

	static final String USERNAME = "quantri";

	static final String PASSWORD = "benchmark-passphrase-42";

	private BenchmarkAdministrator() {
	}

	/**
	 * The command-line arguments that make the administrator at start-up.
	 */
	static String[] arguments() {
		return new String[] { "--hailong.admin.username=" + USERNAME, "--hailong.admin.password=" + PASSWORD };
	}

	/**
	 * The value of an {@code Authorization} header with HTTP Basic credentials.
	 */
	static String authorization() {
		return "Basic "
				+ Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
