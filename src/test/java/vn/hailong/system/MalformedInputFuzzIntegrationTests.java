package vn.hailong.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of malformed submissions, JSON to the API and URL-encoded forms to the survey
 * page, made by a generator with a fixed seed (so a failure can be replayed), sent over
 * real HTTP to the running service on PostgreSQL: none may be answered 5xx and none may
 * change a row. Each case carries at least one defect that makes it invalid (a missing or
 * malformed id, text PostgreSQL cannot store, a number beyond any range, a wrong type, an
 * unknown item, broken syntax, bytes that are not UTF-8, a bad percent-escape, a repeated
 * field...) among random, possibly valid, other answers. It prints the number of cases,
 * the statuses seen and the time taken.
 */
@IntegrationTest
class MalformedInputFuzzIntegrationTests {

	private static final long SEED = 13L;

	private static final int JSON_CASES = 2000;

	private static final int FORM_CASES = 2000;

	private static final int IN_FLIGHT = 8;

	private static final String[] ITEMS = { "diem", "kenh", "truc_tuyen_de", "gop_y", "gop_y_xu_ly", "cai_thien",
			"so_lan", "y_kien" };

	private static final String[] NASTY_JSON_VALUES = { "9223372036854775808", "-9223372036854775809", "1e400",
			"-1e400", "1e-400", "3.0000000000000000001", "4.9999999999999999999", "NaN", "Infinity", "-0", "0.0",
			"1E2147483648", "\"a\\u0000b\"", "\"ab\\ud83dcd\"", "\"\\udc00\"", "\"\"", "null", "true", "[]", "{}",
			"[[[[[[[[[[1]]]]]]]]]]", "\"" + "x".repeat(5000) + "\"", "[\"thai_do\",\"thai_do\"]", "[1,2,3]",
			"{\"a\":1}", "\"truc_tuyen\"", "\"khong_co\"", "5", "0", "6", "-1", "2.5", "\"4\"",
			"\"C\\u0323\\u0302n\"" };

	private static final String[] NASTY_FORM_VALUES = { "%00", "a%00b", "%zz", "%4", "%", "%FF", "%C3%28", "%ED%A0%BD",
			"9223372036854775808", "1e400", "-1e400", "3.0000000000000000001", "4,9999999999999999999", "abc", "", "+",
			"%2B", "yes", "no", "maybe", "truc_tuyen", "khong_co", "6", "0", "-1", "2.5", "C%CC%A3%CC%82n",
			"x".repeat(3000) };

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@LocalServerPort
	private int port;

	@Test
	void answersThousandsOfMalformedSubmissionsWithoutA5xxOrAStoredRow() throws Exception {
		var fixtures = new Fixtures(this.client, this.database);
		String school = fixtures.district().get(1);
		long campaign = fixtures.openCampaign("kiem-thu", List.of(school), Map.of("allowRepeat", true));
		long responsesBefore = fixtures.count("select count(*) from response");
		long answersBefore = fixtures.count("select count(*) from answer");
		long textsBefore = fixtures.count("select count(*) from free_text_answer");

		Random random = new Random(SEED);
		var requests = new ArrayList<Case>();
		URI api = URI.create("http://localhost:" + this.port + "/api/v1/campaigns/" + campaign + "/responses");
		URI page = URI.create("http://localhost:" + this.port + "/s/" + campaign + "/" + school + "?lang=vi");
		for (int i = 0; i < JSON_CASES; i++) {
			requests.add(new Case("json", api, "application/json", "application/json", jsonCase(random, school)));
		}
		for (int i = 0; i < FORM_CASES; i++) {
			requests.add(new Case("form", page, "application/x-www-form-urlencoded",
					random.nextBoolean() ? "application/json" : "text/html", formCase(random)));
		}

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		var statuses = new ConcurrentHashMap<String, AtomicInteger>();
		var serverErrors = new ConcurrentHashMap<String, String>();
		var limit = new Semaphore(IN_FLIGHT);
		var pending = new ArrayList<CompletableFuture<?>>();
		long started = System.nanoTime();
		for (Case request : requests) {
			limit.acquire();
			HttpRequest built = HttpRequest.newBuilder(request.uri())
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", request.contentType())
				.header("Accept", request.accept())
				.POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
				.build();
			pending.add(http.sendAsync(built, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
				limit.release();
				String key = request.kind() + " " + ((response != null) ? response.statusCode() : "no answer");
				statuses.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
				if (response == null || response.statusCode() >= 500) {
					serverErrors.putIfAbsent(key, new String(request.body(), StandardCharsets.ISO_8859_1) + " -> "
							+ ((response != null) ? response.body() : failure));
				}
				return null;
			}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("malformed-input fuzz: %d cases (%d JSON, %d form), seed %d, %d in flight, %.1f s; %s%n",
				requests.size(), JSON_CASES, FORM_CASES, SEED, IN_FLIGHT, millis / 1000.0,
				new java.util.TreeMap<>(statuses));

		assertThat(serverErrors).as("cases answered 5xx or not at all").isEmpty();
		assertThat(statuses.keySet()).allSatisfy((key) -> assertThat(key).matches("(json|form) 4\\d\\d"));
		assertThat(fixtures.count("select count(*) from response")).isEqualTo(responsesBefore);
		assertThat(fixtures.count("select count(*) from answer")).isEqualTo(answersBefore);
		assertThat(fixtures.count("select count(*) from free_text_answer")).isEqualTo(textsBefore);
	}

	/**
	 * A JSON submission with at least one defect.
	 */
	private static byte[] jsonCase(Random random, String school) {
		var answers = new ArrayList<String>();
		for (String item : ITEMS) {
			if (random.nextInt(3) == 0) {
				answers.add(quote(item) + ": " + pick(random, NASTY_JSON_VALUES));
			}
		}
		String id = quote(UUID.randomUUID().toString());
		String unit = quote(school);
		int defect = random.nextInt(14);
		switch (defect) {
			case 0 -> id = null;
			case 1 -> id = pick(random, new String[] { "\"not-a-uuid\"", "\"1-1-1-1-1\"", "12", "[]", "\"\\u0000\"" });
			case 2 -> answers
				.add("\"y_kien\": \"" + pick(random, new String[] { "a\\u0000b", "ab\\ud83dcd", "\\udfff" }) + "\"");
			case 3 -> answers.add("\"diem\": " + pick(random,
					new String[] { "9223372036854775808", "1e400", "6", "0", "4.5", "\"4\"", "true", "[4,4]" }));
			case 4 -> answers.add("\"so_lan\": " + pick(random, new String[] { "1e400", "-1e400",
					"3.0000000000000000001", "4.9999999999999999999", "21", "-1", "\"ba\"", "1e-400" }));
			case 5 -> answers.add(quote("khong_co_" + random.nextInt(1000)) + ": 1");
			case 6 -> answers.add("\"cai_thien\": "
					+ pick(random, new String[] { "[\"thai_do\",\"thai_do\"]", "\"thai_do\"", "[\"gia_ca\"]", "[1]" }));
			case 7 -> unit = pick(random, new String[] { "null", "\"\"", "\"khong-ton-tai\"", "\"a\\u0000b\"", "5" });
			case 8 -> answers.add("\"gop_y\": " + pick(random, new String[] { "\"yes\"", "1", "null,", "[true]" }));
			default -> {
				// a syntax or encoding defect below
			}
		}
		var body = new StringBuilder("{");
		if (id != null) {
			body.append("\"id\": ").append(id).append(", ");
		}
		body.append("\"unit\": ")
			.append(unit)
			.append(", \"answers\": {")
			.append(String.join(", ", answers))
			.append("}}");
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		return switch (defect) {
			case 9 -> mutateBytes(random, bytes, (b) -> (byte) (0x80 + random.nextInt(0x40)));
			case 10 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
			case 11 -> mutateBytes(random, bytes, (b) -> (byte) "{}[]:,\"\\".charAt(random.nextInt(8)));
			case 12 -> ("{\"id\": " + quote(UUID.randomUUID().toString()) + ", \"unit\": " + quote(school)
					+ ", \"answers\": " + "[".repeat(2000) + "]".repeat(2000) + "}")
				.getBytes(StandardCharsets.UTF_8);
			case 13 -> randomBytes(random, 1 + random.nextInt(2000));
			default -> bytes;
		};
	}

	/**
	 * A survey form post with at least one defect.
	 */
	private static byte[] formCase(Random random) {
		var fields = new ArrayList<String>();
		String id = "id=" + UUID.randomUUID();
		for (String item : ITEMS) {
			if (random.nextInt(3) == 0) {
				fields.add("q_" + item + "=" + pick(random, NASTY_FORM_VALUES));
			}
		}
		int defect = random.nextInt(12);
		switch (defect) {
			case 0 -> id = null;
			case 1 -> id = "id=" + pick(random, new String[] { "not-a-uuid", "1-1-1-1-1", "", "%00", "%zz" });
			case 2 -> fields.add("q_y_kien=" + pick(random, new String[] { "a%00b", "%ED%A0%BD", "%FF%FE", "%C0%80" }));
			case 3 -> {
				int times = 2 + random.nextInt(5000);
				for (int i = 0; i < times; i++) {
					fields.add("q_diem=" + (1 + random.nextInt(5)));
				}
			}
			case 4 -> {
				int unknown = 1 + random.nextInt(random.nextBoolean() ? 10 : 10_000);
				for (int i = 0; i < unknown; i++) {
					fields.add("q_x" + i + "=1");
				}
			}
			case 5 -> fields.add("q_so_lan=" + pick(random, new String[] { "1e400", "-1e400", "3.0000000000000000001",
					"4,9999999999999999999", "21", "ba", "9223372036854775808" }));
			case 6 ->
				fields.add("q_diem=" + pick(random, new String[] { "9223372036854775808", "6", "0", "4.5", "a" }));
			case 7 -> fields.add("q_de_xuat=%zz");
			default -> {
				// an encoding defect below
			}
		}
		if (id != null) {
			fields.add(0, id);
		}
		if (defect != 0 && defect != 1 && !fields.stream().anyMatch((f) -> f.startsWith("q_diem="))) {
			fields.add("q_diem=" + pick(random, new String[] { "6", "0", "x" }));
		}
		byte[] bytes = String.join("&", fields).getBytes(StandardCharsets.UTF_8);
		return switch (defect) {
			case 8 -> mutateBytes(random, bytes, (b) -> (byte) (0x80 + random.nextInt(0x80)));
			case 9 -> randomBytes(random, 1 + random.nextInt(4000));
			case 10 -> (new String(bytes, StandardCharsets.UTF_8) + "&q_y_kien=" + "%".repeat(1 + random.nextInt(3)))
				.getBytes(StandardCharsets.UTF_8);
			case 11 -> ("id=&" + new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
			default -> bytes;
		};
	}

	private static byte[] mutateBytes(Random random, byte[] bytes, Function<Byte, Byte> replacement) {
		byte[] copy = bytes.clone();
		int changes = 1 + random.nextInt(4);
		for (int i = 0; i < changes && copy.length > 0; i++) {
			int at = random.nextInt(copy.length);
			copy[at] = replacement.apply(copy[at]);
		}
		return copy;
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static String quote(String text) {
		return "\"" + text + "\"";
	}

	private record Case(String kind, URI uri, String contentType, String accept, byte[] body) {
	}

}
