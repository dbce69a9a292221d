package vn.hailong.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static vn.hailong.benchmark.BenchmarkData.format;
import static vn.hailong.benchmark.BenchmarkData.median;

/**
 * Times the results explorer's views over one campaign of 1,000,000 responses in 100
 * schools of one district office, side by side in the same run with the plain SQL scan
 * {@code select unit_id, item, value, count(*) from answer where campaign_id = ? group by unit_id, item, value}
 * over its answers, in a throw-away database ({@link BenchmarkData}). The views are data:
 * each line of {@code src/test/resources/benchmark/explorer-views.tsv} (or the file named
 * by {@code -Dbenchmark.views}) names a view, its kind ({@code view}: a timed JSON GET;
 * {@code export}: a streamed download, with rows per second and the heap) and its path
 * with placeholders, and optionally the largest ratio to the scan it may take.
 */
public final class ExplorerBenchmark {

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	private ExplorerBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int responses = Integer.getInteger("benchmark.responses", 1_000_000);
		int units = Integer.getInteger("benchmark.units", 100);
		int runs = Integer.getInteger("benchmark.runs", 11);
		int warmup = Integer.getInteger("benchmark.explorer-warmup", 20);
		int exportRuns = Integer.getInteger("benchmark.export-runs", 3);
		Path templates = Path.of(System.getProperty("benchmark.templates", "survey-templates"));
		Path file = Path.of(System.getProperty("benchmark.views", "src/test/resources/benchmark/explorer-views.tsv"));
		List<View> views = View.read(file);
		int status = 0;
		try (var data = new BenchmarkData("explorerbench", templates)) {
			data.createUnits(units);
			long campaign = data.load(responses, units, "2025-Q1", true);
			data.analyze();
			data.buildAggregates(campaign);
			String bearer = data.bearer("explorer benchmark");
			var values = Map.of("{campaign}", Long.toString(campaign), "{root}", BenchmarkData.DISTRICT, "{unit}",
					"bench-1", "{item}", "tc1", "{section}", "cong_chuc", "{groupItem}", "hinh_thuc_nop", "{yesNo}",
					"gy_co", "{today}", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString());
			double[] scan = data.scan(campaign, runs);
			double scanMedian = median(Arrays.copyOf(scan, runs));
			var lines = new ArrayList<String>();
			lines.add(String.format(Locale.ROOT,
					"plain SQL count(*) group by unit, item, value over the %,d responses (%d groups): median %.0f ms  runs %s",
					responses, (long) scan[runs], scanMedian, format(Arrays.copyOf(scan, runs))));
			for (View view : views) {
				String path = view.path();
				for (var entry : values.entrySet()) {
					path = path.replace(entry.getKey(), entry.getValue());
				}
				HttpRequest request = HttpRequest.newBuilder(URI.create(data.base() + path))
					.header("Authorization", bearer)
					.header("Accept-Language", "vi")
					.GET()
					.build();
				if (view.kind().equals("export")) {
					lines.add(export(data, view, request, exportRuns, responses));
					continue;
				}
				long warmUntil = System.nanoTime() + 20_000_000_000L;
				for (int i = 0; i < warmup && System.nanoTime() < warmUntil; i++) {
					get(data, request);
				}
				double[] times = new double[runs];
				String body = "";
				for (int i = 0; i < runs; i++) {
					long start = System.nanoTime();
					body = get(data, request);
					times[i] = (System.nanoTime() - start) / 1e6;
				}
				Files.writeString(Path.of("target", "explorer-benchmark-" + view.name() + ".json"), body);
				double ratio = median(times) / scanMedian;
				String goal = (view.goal() != null) ? String.format(Locale.ROOT, "  goal ≤ %s: %s", view.goal(),
						(ratio <= view.goal()) ? "met" : "MISSED") : "";
				lines.add(String.format(Locale.ROOT,
						"%-22s median %8.1f ms  ratio to scan %.4f%s  (JSON %,d bytes)  runs %s", view.name(),
						median(times), ratio, goal, body.length(), format(times)));
			}
			scan = data.scan(campaign, runs);
			lines.add(String.format(Locale.ROOT, "plain SQL scan again, after the views: median %.0f ms  runs %s",
					median(Arrays.copyOf(scan, runs)), format(Arrays.copyOf(scan, runs))));
			System.out.println();
			System.out.printf(Locale.ROOT, "explorer benchmark, %,d responses in %d schools, %s%n", responses, units,
					file);
			lines.forEach(System.out::println);
			System.out.println("each view's last body written to target/explorer-benchmark-<name>.json");
			int pause = Integer.getInteger("benchmark.pause-seconds", 0);
			if (pause > 0) {
				System.out.printf(Locale.ROOT, "service at %s (%s), database %s: kept for %d s%n", data.base(), bearer,
						data.database(), pause);
				Thread.sleep(pause * 1000L);
			}
		}
		catch (Exception ex) {
			System.err.println("explorer benchmark failed: " + ex);
			ex.printStackTrace();
			status = 2;
		}
		System.exit(status);
	}

	private static String get(BenchmarkData data, HttpRequest request) throws Exception {
		var reply = data.http().send(request, HttpResponse.BodyHandlers.ofString());
		if (reply.statusCode() != 200) {
			throw new IllegalStateException(request.uri() + ": " + reply.statusCode() + " " + reply.body());
		}
		return reply.body();
	}

	/**
	 * Downloads a streamed export, reading and discarding it, while a thread samples the
	 * heap used every 10 ms (the service runs in this JVM).
	 */
	private static String export(BenchmarkData data, View view, HttpRequest request, int runs, int responses)
			throws Exception {
		double[] rates = new double[runs];
		long before = 0;
		long peak = 0;
		long after = 0;
		long rows = 0;
		long bytes = 0;
		for (int i = 0; i < runs; i++) {
			System.gc();
			before = MEMORY.getHeapMemoryUsage().getUsed();
			var highest = new AtomicLong(before);
			var sampling = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					highest.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(10);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			sampling.setDaemon(true);
			sampling.start();
			long start = System.nanoTime();
			var reply = data.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
			if (reply.statusCode() != 200) {
				throw new IllegalStateException(request.uri() + ": " + reply.statusCode());
			}
			boolean text = reply.headers()
				.firstValue("Content-Type")
				.map((type) -> type.startsWith("text/") || type.contains("csv"))
				.orElse(false);
			long[] counted = drain(reply.body(), text);
			double seconds = (System.nanoTime() - start) / 1e9;
			sampling.interrupt();
			sampling.join();
			after = MEMORY.getHeapMemoryUsage().getUsed();
			peak = Math.max(highest.get(), after);
			bytes = counted[0];
			rows = text ? Math.max(0, counted[1] - 1) : responses;
			rates[i] = rows / seconds;
		}
		return String.format(Locale.ROOT,
				"%-22s export: %,d rows, %,d bytes, median %,.0f rows/s  runs %s rows/s; heap used before %,d MB, at most %,d MB, after %,d MB (last run)",
				view.name(), rows, bytes, median(rates), format(rates), before >> 20, peak >> 20, after >> 20);
	}

	/** Reads a body to its end: its bytes and, for text, its lines. */
	private static long[] drain(InputStream body, boolean text) throws IOException {
		try (body) {
			if (text) {
				long lines = 0;
				long bytes = 0;
				try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
					String line;
					while ((line = reader.readLine()) != null) {
						lines++;
						bytes += line.length() + 1;
					}
				}
				return new long[] { bytes, lines };
			}
			long bytes = 0;
			byte[] buffer = new byte[65536];
			int read;
			while ((read = body.read(buffer)) >= 0) {
				bytes += read;
			}
			return new long[] { bytes, 0 };
		}
	}

	/**
	 * One line of the views file.
	 *
	 * @param name a short name, printed and used in the body's file name
	 * @param kind {@code view} or {@code export}
	 * @param path the path and query, with placeholders
	 * @param goal the largest ratio to the scan allowed, or null
	 */
	record View(String name, String kind, String path, Double goal) {

		static List<View> read(Path file) throws IOException {
			var views = new ArrayList<View>();
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t");
				if (parts.length < 3 || !(parts[1].equals("view") || parts[1].equals("export"))) {
					throw new IllegalArgumentException(file + ": expected name<TAB>view|export<TAB>path, not " + line);
				}
				views.add(new View(parts[0].strip(), parts[1].strip(), parts[2].strip(),
						(parts.length > 3 && !parts[3].isBlank()) ? Double.valueOf(parts[3].strip()) : null));
			}
			return views;
		}

	}

}
