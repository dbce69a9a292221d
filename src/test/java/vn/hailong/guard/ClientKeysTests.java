package vn.hailong.guard;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client keys: a keyed hash of the address that changes every day, counts an IPv6 /64 as
 * one client, and trusts {@code X-Forwarded-For} only when told to.
 */
class ClientKeysTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));

	private final ClientKeys keys = new ClientKeys(this.clock, new GuardProperties(false));

	private final ClientKeys behindProxy = new ClientKeys(this.clock, new GuardProperties(true));

	@Test
	void givesTheSameOpaqueKeyToTheSameAddressOnTheSameDay() {
		String key = this.keys.keyOf(from("203.0.113.7"));
		assertThat(key).isEqualTo(this.keys.keyOf(from("203.0.113.7")))
			.isNotEqualTo(this.keys.keyOf(from("203.0.113.8")))
			.doesNotContain("203")
			.matches("[A-Za-z0-9_-]{22}");
	}

	@Test
	void changesEveryKeyAtMidnightUtc() {
		String before = this.keys.keyOf(from("203.0.113.7"));
		this.clock.advance(Duration.ofHours(13).plusMinutes(59));
		assertThat(this.keys.keyOf(from("203.0.113.7"))).isEqualTo(before);
		this.clock.advance(Duration.ofMinutes(1));
		String after = this.keys.keyOf(from("203.0.113.7"));
		assertThat(after).isNotEqualTo(before);
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.keys.keyOf(from("203.0.113.7"))).isEqualTo(after);
	}

	@Test
	void keysAnIpv6AddressByItsSlash64Network() {
		assertThat(this.keys.keyOf(from("2001:db8:1:2:aaaa::1")))
			.isEqualTo(this.keys.keyOf(from("2001:db8:1:2:bbbb:cccc:dddd:eeee")))
			.isNotEqualTo(this.keys.keyOf(from("2001:db8:1:3::1")));
	}

	@Test
	void ignoresForwardedForUnlessTheProxyIsTrusted() {
		var forwarded = request("10.0.0.2", "198.51.100.1, 203.0.113.9");
		assertThat(this.keys.keyOf(forwarded)).isEqualTo(this.keys.keyOf(from("10.0.0.2")));
	}

	@Test
	void takesTheEntryTheTrustedProxyAppended() {
		var forwarded = request("10.0.0.2", "198.51.100.1, 203.0.113.9");
		assertThat(this.behindProxy.keyOf(forwarded)).isEqualTo(this.behindProxy.keyOf(from("203.0.113.9")))
			.isNotEqualTo(this.behindProxy.keyOf(from("198.51.100.1")));
		assertThat(this.behindProxy.keyOf(request("10.0.0.2", "203.0.113.9:4711")))
			.isEqualTo(this.behindProxy.keyOf(from("203.0.113.9")));
		assertThat(this.behindProxy.keyOf(request("10.0.0.2", "not-an-address")))
			.isEqualTo(this.behindProxy.keyOf(from("10.0.0.2")));
	}

	@Test
	void treatsRequestAsSecureFromTrustedProxyOnly() {
		var request = MockServerHttpRequest.get("http://example/s/1/TH")
			.remoteAddress(new InetSocketAddress("10.0.0.2", 4000))
			.header("X-Forwarded-Proto", "https")
			.build();
		assertThat(this.keys.isSecure(request)).isFalse();
		assertThat(this.behindProxy.isSecure(request)).isTrue();
	}

	private static MockServerHttpRequest from(String address) {
		return MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(address, 4000)).build();
	}

	private static MockServerHttpRequest request(String address, String forwardedFor) {
		return MockServerHttpRequest.get("/")
			.remoteAddress(new InetSocketAddress(address, 4000))
			.header("X-Forwarded-For", forwardedFor)
			.build();
	}

}
