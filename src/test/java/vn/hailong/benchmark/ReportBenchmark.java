package vn.hailong.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static vn.hailong.benchmark.BenchmarkData.format;
import static vn.hailong.benchmark.BenchmarkData.median;

/**
 * Times the full plan report over 1,000,000 responses in 100 units of one campaign and
 * over a tenth of that in another period, next to one plain SQL
 * {@code count(*) … group by} over the 1,000,000 responses' answer rows, in a throw-away
 * database ({@link BenchmarkData}). The responses are written straight into the tables
 * and their aggregates built by the administrator's recompute endpoint; the benchmark
 * also counts the scans of the {@code answer} table while the reports run (there should
 * be none).
 */
public final class ReportBenchmark {

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
		int responses = Integer.getInteger("benchmark.responses", 1_000_000);
		int units = Integer.getInteger("benchmark.units", 100);
		int runs = Integer.getInteger("benchmark.runs", 11);
		int warmup = Integer.getInteger("benchmark.report-warmup", 50);
		Path templates = Path.of(System.getProperty("benchmark.templates", "survey-templates"));
		int status = 0;
		try (var data = new BenchmarkData("reportbench", templates)) {
			data.createUnits(units);
			long campaign = data.load(responses, units, "2025-Q1", false);
			long small = data.load(responses / 10, units, "2023-Q1", false);
			data.analyze();
			HttpClient http = data.http();
			String base = data.base();
			for (long built : List.of(campaign, small)) {
				data.buildAggregates(built);
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
			String bearer = data.bearer("report benchmark");
			var large = report(base, "2025", bearer);
			var smaller = report(base, "2023", bearer);
			for (int i = 0; i < warmup; i++) {
				send(http, large);
				send(http, smaller);
			}
			long scansBefore = data.answerScans();
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
			long scansAfter = data.answerScans();
			double[] scan = data.scan(campaign, runs);
			double[] countTimes = Arrays.copyOf(scan, runs);
			long groups = (long) scan[runs];
			Files.writeString(Path.of("target", "report-benchmark.json"), body);
			System.out.printf(Locale.ROOT,
					"full plan report, %,d responses (5 indicators, HTTP, JSON %d bytes): median %.1f ms  runs %s%n",
					responses, body.length(), median(reportTimes), format(reportTimes));
			System.out.printf(Locale.ROOT, "full plan report, %,d responses: median %.1f ms  runs %s%n", responses / 10,
					median(smallTimes), format(smallTimes));
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
		catch (Exception ex) {
			System.err.println("report benchmark failed: " + ex);
			ex.printStackTrace();
			status = 2;
		}
		System.exit(status);
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

}
