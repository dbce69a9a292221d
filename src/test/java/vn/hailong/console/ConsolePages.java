package vn.hailong.console;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Reads console pages and posts their forms in tests.
 */
final class ConsolePages {

	private ConsolePages() {
	}

	/**
	 * The same client with room for large pages: an administrator's unit tree and account
	 * list hold every unit and account a whole test run makes.
	 */
	static WebTestClient roomy(WebTestClient client) {
		return client.mutate().codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
	}

	/**
	 * Gets a page that must answer 200.
	 * @return the page's HTML
	 */
	static String page(WebTestClient client, String uri) {
		return client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * A form from name, value pairs.
	 */
	static MultiValueMap<String, String> form(String... pairs) {
		var form = new LinkedMultiValueMap<String, String>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.add(pairs[i], pairs[i + 1]);
		}
		return form;
	}

	static WebTestClient.ResponseSpec post(WebTestClient client, String uri, MultiValueMap<String, String> form) {
		return client.post().uri(uri).body(BodyInserters.fromFormData(form)).exchange();
	}

	/**
	 * Checks that a client without credentials is sent to the sign-in page.
	 */
	static void assertSendsToSignIn(WebTestClient anonymous, String uri) {
		anonymous.get().uri(uri).exchange().expectStatus().isFound().expectHeader().location("/console/login");
	}

}
