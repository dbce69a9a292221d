package vn.hailong.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import com.microsoft.playwright.options.WaitUntilState;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hailong.Chromium;
import vn.hailong.HaiLongApplication;
import vn.hailong.TestDatabase;

/**
 * Measures what a phone downloads for the survey of the largest shipped template, and how
 * long the page takes to load in Debian's headless Chromium at 360×640 under emulated
 * slow mobile networks and a slowed CPU, against the service started in-process on a
 * throw-away database.
 */
public final class SurveyPageBenchmark {

	private static final String TEMPLATE = "phu-huynh-truong-cong-lap";

	private static final Pattern ASSET = Pattern.compile("src=\"(/survey-[0-9a-f]{32}\\.js)\"");

	private static final int CPU_SLOWDOWN = 4;

	private static final List<Network> NETWORKS = List.of(new Network("Slow 3G (DevTools preset)", 2000, 400, 400),
			new Network("400 kbps, 400 ms RTT", 400, 400, 400));

	private final HttpClient http = HttpClient.newHttpClient();

	private final int runs;

	private String root;

	private SurveyPageBenchmark(int runs) {
		this.runs = runs;
	}

	public static void main(String[] args) {
		int status = 0;
		try {
			new SurveyPageBenchmark(Integer.getInteger("benchmark.runs", 5)).run();
		}
		catch (Exception ex) {
			System.err.println("survey page benchmark failed: " + ex);
			ex.printStackTrace();
			status = 2;
		}
		System.exit(status);
	}

	private void run() throws Exception {
		String server = System.getenv()
			.getOrDefault("HAILONG_BENCH_DATABASE_URL", "jdbc:postgresql://localhost:5432/postgres?user=postgres");
		TestDatabase database = TestDatabase.freshDatabase(server);
		String templates = System.getProperty("benchmark.templates", "survey-templates");
		try (ConfigurableApplicationContext app = startService(database, templates);
				Chromium chromium = Chromium.launch()) {
			int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			this.root = "http://localhost:" + port;
			String page = this.root + openCampaign();
			System.out.printf(Locale.ROOT, "survey page benchmark: template %s, %s, viewport 360x640, %d runs each%n",
					TEMPLATE, chromium.browser().version(), this.runs);
			printBodies(page);
			printTransfer(chromium, page);
			for (Network network : NETWORKS) {
				printTimes(chromium, page, network);
			}
		}
	}

	private static ConfigurableApplicationContext startService(TestDatabase database, String templates) {
		return new SpringApplicationBuilder(HaiLongApplication.class).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run("--spring.r2dbc.url=" + database.r2dbcUrl(), "--spring.r2dbc.username=" + database.username(),
					"--spring.r2dbc.password=" + database.password(), "--spring.flyway.url=" + database.jdbcUrl(),
					"--spring.flyway.user=" + database.username(), "--spring.flyway.password=" + database.password(),
					"--server.port=0", "--server.address=127.0.0.1", "--hailong.templates.directories=" + templates,
					"--logging.level.root=WARN", BenchmarkAdministrator.arguments()[0],
					BenchmarkAdministrator.arguments()[1]);
	}

	private String openCampaign() throws Exception {
		post("/api/v1/units/import",
				"[{\"code\": \"bench-pgd\", \"name\": \"Phòng GD&ĐT\", \"level\": \"district_office\", \"population\": 1200},"
						+ " {\"code\": \"bench-th\", \"name\": \"Trường Tiểu học Long Hậu\", \"level\": \"primary\", \"parent\": \"bench-pgd\", \"population\": 850}]");
		String created = post("/api/v1/campaigns",
				"{\"name\": \"Benchmark\", \"template\": \"" + TEMPLATE + "\", \"period\": \"2026-Q4\", \"opensAt\": \""
						+ Instant.now().minusSeconds(3600) + "\", \"closesAt\": \""
						+ Instant.now().plus(Duration.ofDays(1)) + "\", \"units\": [\"bench-th\"]}");
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created);
		if (!id.find()) {
			throw new IllegalStateException("No campaign id in " + created);
		}
		post("/api/v1/campaigns/" + id.group(1) + "/open", "");
		return "/s/" + id.group(1) + "/bench-th";
	}

	private String post(String path, String json) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.root + path))
			.header("Content-Type", "application/json")
			.header("Authorization", BenchmarkAdministrator.authorization())
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/**
	 * The compressed bodies of the four files, as the server sends them for each
	 * encoding.
	 */
	private void printBodies(String page) throws Exception {
		String html = this.http
			.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		var files = new LinkedHashMap<String, String>();
		files.put("page", page);
		Matcher asset = ASSET.matcher(html);
		while (asset.find()) {
			files.put("js", this.root + asset.group(1));
		}
		files.put("sw.js", this.root + "/s/sw.js");
		for (String encoding : List.of("identity", "gzip", "br")) {
			var sizes = new ArrayList<String>();
			long total = 0;
			for (var file : files.entrySet()) {
				HttpResponse<byte[]> response = this.http.send(
						HttpRequest.newBuilder(URI.create(file.getValue())).header("Accept-Encoding", encoding).build(),
						HttpResponse.BodyHandlers.ofByteArray());
				String sent = response.headers().firstValue("Content-Encoding").orElse("identity");
				if (!sent.equals(encoding)) {
					throw new IllegalStateException(file.getKey() + " came as " + sent + ", not " + encoding);
				}
				sizes.add(file.getKey() + " " + response.body().length);
				total += response.body().length;
			}
			System.out.printf(Locale.ROOT, "bodies, %-8s bytes: %s; total %d (%.1f KiB)%n", encoding + ":",
					String.join(", ", sizes), total, total / 1024.0);
		}
	}

	/**
	 * What Chromium itself transferred for the page's first load: bytes on the wire per
	 * request, headers included, with the encoding it negotiated.
	 */
	private void printTransfer(Chromium chromium, String page) {
		try (BrowserContext context = chromium.phone(true)) {
			Page tab = context.newPage();
			CDPSession cdp = context.newCDPSession(tab);
			Map<String, String> urls = new ConcurrentHashMap<>();
			Map<String, String> encodings = new ConcurrentHashMap<>();
			Map<String, Long> sizes = new ConcurrentHashMap<>();
			cdp.on("Network.responseReceived", (event) -> {
				JsonObject response = event.getAsJsonObject("response");
				urls.put(event.get("requestId").getAsString(), response.get("url").getAsString());
				JsonObject headers = response.getAsJsonObject("headers");
				encodings.put(event.get("requestId").getAsString(),
						headers.has("content-encoding") ? headers.get("content-encoding").getAsString() : "identity");
			});
			cdp.on("Network.loadingFinished", (event) -> sizes.put(event.get("requestId").getAsString(),
					(long) event.get("encodedDataLength").getAsDouble()));
			cdp.send("Network.enable");
			tab.navigate(page, new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
			tab.locator("#survey-form[data-offline=ready]").waitFor();
			var lines = new ArrayList<String>();
			long total = 0;
			for (var request : sizes.entrySet()) {
				String url = urls.getOrDefault(request.getKey(), "?").replace(this.root, "");
				lines.add(url + " " + request.getValue() + " (" + encodings.get(request.getKey()) + ")");
				total += request.getValue();
			}
			lines.sort(null);
			System.out.printf(Locale.ROOT,
					"Chromium, first visit, bytes on the wire with headers: %s; total %d (%.1f KiB)%n",
					String.join(", ", lines), total, total / 1024.0);
		}
	}

	/**
	 * First visits (empty cache) and repeat visits (HTTP cache; the service worker is
	 * blocked so that the page itself comes over the emulated network) under one network.
	 */
	private void printTimes(Chromium chromium, String page, Network network) {
		var first = new ArrayList<Timing>();
		var repeat = new ArrayList<Timing>();
		for (int i = 0; i < this.runs; i++) {
			try (BrowserContext context = chromium.browser()
				.newContext(new Browser.NewContextOptions().setViewportSize(360, 640)
					.setLocale("vi-VN")
					.setServiceWorkers(ServiceWorkerPolicy.BLOCK))) {
				Page tab = context.newPage();
				CDPSession cdp = context.newCDPSession(tab);
				cdp.send("Network.enable");
				JsonObject conditions = new JsonObject();
				conditions.addProperty("offline", false);
				conditions.addProperty("latency", network.rttMillis());
				conditions.addProperty("downloadThroughput", network.downKbps() * 1000 / 8.0);
				conditions.addProperty("uploadThroughput", network.upKbps() * 1000 / 8.0);
				cdp.send("Network.emulateNetworkConditions", conditions);
				JsonObject cpu = new JsonObject();
				cpu.addProperty("rate", CPU_SLOWDOWN);
				cdp.send("Emulation.setCPUThrottlingRate", cpu);
				tab.navigate(page, new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
				first.add(timing(tab));
				tab.navigate(page, new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
				repeat.add(timing(tab));
			}
		}
		System.out.printf(Locale.ROOT, "%s (latency %d ms, %d kbps down, %d kbps up), CPU %dx slower, median of %d:%n"
				+ "  first visit:  page received %s, first paint %s, script ready (DOMContentLoaded) %s, load %s%n"
				+ "  repeat visit: page received %s, first paint %s, script ready (DOMContentLoaded) %s, load %s%n",
				network.name(), network.rttMillis(), network.downKbps(), network.upKbps(), CPU_SLOWDOWN, this.runs,
				Timing.median(first, Timing::responseEnd), Timing.median(first, Timing::firstPaint),
				Timing.median(first, Timing::domReady), Timing.median(first, Timing::load),
				Timing.median(repeat, Timing::responseEnd), Timing.median(repeat, Timing::firstPaint),
				Timing.median(repeat, Timing::domReady), Timing.median(repeat, Timing::load));
	}

	private static Timing timing(Page tab) {
		@SuppressWarnings("unchecked")
		Map<String, Object> values = (Map<String, Object>) tab.evaluate("""
				() => {
				  const n = performance.getEntriesByType('navigation')[0];
				  const paint = performance.getEntriesByName('first-contentful-paint')[0];
				  return { responseEnd: n.responseEnd, firstPaint: paint ? paint.startTime : -1,
				           domReady: n.domContentLoadedEventEnd, load: n.loadEventEnd };
				}""");
		return new Timing(number(values, "responseEnd"), number(values, "firstPaint"), number(values, "domReady"),
				number(values, "load"));
	}

	private static double number(Map<String, Object> values, String name) {
		return ((Number) values.get(name)).doubleValue();
	}

	private record Network(String name, int rttMillis, int downKbps, int upKbps) {
	}

	private record Timing(double responseEnd, double firstPaint, double domReady, double load) {

		static String median(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> value) {
			double[] sorted = timings.stream().mapToDouble(value).sorted().toArray();
			double median = sorted[sorted.length / 2];
			return (median < 0) ? "n/a" : String.format(Locale.ROOT, "%.2f s", median / 1000);
		}

	}

}
