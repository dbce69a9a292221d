package vn.hailong.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Reads every request's path, query and URL-encoded form strictly, before anything else
 * does: a bad percent-escape, bytes that are not UTF-8 or text that cannot be stored
 * ({@link Texts}) is a 400 {@code unreadable-request} or {@code invalid-request} naming
 * the part or field, a form body over the buffer limit a 413 {@code payload-too-large};
 * form values reach the handlers composed (NFC). Spring's own form reader would answer
 * the first two with a 500 and store the third with U+FFFD in place of the bytes.
 */
@Component
@Order(-300)
class StrictRequestFilter implements WebFilter {

	private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

	private final ProblemWriter problems;

	private final int limit;

	StrictRequestFilter(ProblemWriter problems, @Value("${spring.codec.max-in-memory-size:256KB}") DataSize limit) {
		this.problems = problems;
		this.limit = (int) limit.toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		ApiException uri = checkUri(request.getURI().getRawPath(), request.getURI().getRawQuery());
		if (uri != null) {
			return write(exchange, uri);
		}
		MediaType type = request.getHeaders().getContentType();
		if (!BODY_METHODS.contains(request.getMethod()) || type == null
				|| !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return chain.filter(exchange);
		}
		if (request.getHeaders().getContentLength() > this.limit) {
			return write(exchange, ProblemHandler.tooLarge());
		}
		return DataBufferUtils.join(request.getBody(), this.limit).map((buffer) -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).defaultIfEmpty(new byte[0]).flatMap((bytes) -> {
			MultiValueMap<String, String> form;
			try {
				form = parse(bytes);
			}
			catch (ApiException ex) {
				return write(exchange, ex);
			}
			return chain.filter(decorate(exchange, bytes, form));
		}).onErrorResume(DataBufferLimitException.class, (ex) -> write(exchange, ProblemHandler.tooLarge()));
	}

	/**
	 * Parses an {@code application/x-www-form-urlencoded} body strictly.
	 * @param bytes the body
	 * @return the fields, values composed (NFC), in order
	 * @throws ApiException {@code unreadable-request} for a bad escape or bytes that are
	 * not UTF-8, {@code invalid-request} for text that cannot be stored
	 */
	static MultiValueMap<String, String> parse(byte[] bytes) {
		var form = new LinkedMultiValueMap<String, String>();
		var problems = new ArrayList<FieldProblem>();
		int start = 0;
		for (int i = 0; i <= bytes.length; i++) {
			if (i == bytes.length || bytes[i] == '&') {
				if (i > start) {
					int equals = start;
					while (equals < i && bytes[equals] != '=') {
						equals++;
					}
					String name = decode(bytes, start, equals, "form field name");
					String value = (equals < i) ? decode(bytes, equals + 1, i, "form field '" + name + "'") : "";
					FieldProblem nameProblem = Texts.check("(field name)", name);
					FieldProblem valueProblem = Texts.check(name, value);
					if (nameProblem != null) {
						problems.add(nameProblem);
					}
					else if (valueProblem != null) {
						problems.add(valueProblem);
					}
					else {
						form.add(Texts.normalize(name), Texts.normalize(value));
					}
				}
				start = i + 1;
			}
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		return form;
	}

	/**
	 * Checks that the path and the query decode to storable UTF-8 text.
	 * @return the problem, or {@code null}
	 */
	static ApiException checkUri(String rawPath, String rawQuery) {
		try {
			if (rawPath != null) {
				byte[] path = rawPath.getBytes(StandardCharsets.UTF_8);
				String decoded = decode(path, 0, path.length, "path", false);
				String why = Texts.unstorable(decoded);
				if (why != null) {
					throw unreadable("The path " + why);
				}
			}
			if (rawQuery != null) {
				parse(rawQuery.getBytes(StandardCharsets.UTF_8));
			}
			return null;
		}
		catch (ApiException ex) {
			return ex;
		}
	}

	private static String decode(byte[] bytes, int from, int to, String what) {
		return decode(bytes, from, to, what, true);
	}

	private static String decode(byte[] bytes, int from, int to, String what, boolean plusIsSpace) {
		var out = new ByteArrayOutputStream(to - from);
		for (int i = from; i < to; i++) {
			byte b = bytes[i];
			if (b == '%') {
				int high = (i + 2 < to) ? Character.digit(bytes[i + 1], 16) : -1;
				int low = (i + 2 < to) ? Character.digit(bytes[i + 2], 16) : -1;
				if (high < 0 || low < 0) {
					throw unreadable("The " + what + " has a bad percent-escape at byte " + (i - from)
							+ ": '%' must be followed by two hexadecimal digits");
				}
				out.write((high << 4) | low);
				i += 2;
			}
			else if (b == '+' && plusIsSpace) {
				out.write(' ');
			}
			else {
				out.write(b);
			}
		}
		byte[] decoded = out.toByteArray();
		if (!Texts.isUtf8(decoded)) {
			throw unreadable("The " + what + " is not UTF-8 text");
		}
		return new String(decoded, StandardCharsets.UTF_8);
	}

	private static ApiException unreadable(String detail) {
		return ApiException.problem(ProblemType.UNREADABLE_REQUEST, detail, List.of());
	}

	private static ServerWebExchange decorate(ServerWebExchange exchange, byte[] bytes,
			MultiValueMap<String, String> form) {
		ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
			}

		};
		ServerWebExchange mutated = exchange.mutate().request(request).build();
		Mono<MultiValueMap<String, String>> formData = Mono.just(form);
		return new ServerWebExchangeDecorator(mutated) {

			@Override
			public Mono<MultiValueMap<String, String>> getFormData() {
				return formData;
			}

		};
	}

	private Mono<Void> write(ServerWebExchange exchange, ApiException ex) {
		return this.problems.write(exchange, ex);
	}

}
