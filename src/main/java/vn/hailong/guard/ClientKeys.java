package vn.hailong.guard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.netty.util.NetUtil;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Turns a client's network address into an opaque key for the rate limit: an HMAC-SHA256
 * under a secret made at random for each day (UTC) and kept only in memory, so that the
 * raw address is never kept and yesterday's keys cannot be linked to today's, nor to an
 * address, even by someone who reads the process's configuration.
 *
 * <p>
 * With Redis configured, every instance takes the day's secret from Redis (the first
 * instance to need it makes it; it expires after two days), so that one client has one
 * key on every instance and the rate limit can be counted for all of them together; the
 * secret is then readable by whoever can read that Redis. While the shared secret is not
 * known (Redis down at the turn of the day), the instance makes its own, and its counts
 * are its own.
 *
 * <p>
 * An IPv6 address counts by its /64 network, which one device may rotate through.
 */
@Component
public class ClientKeys implements InitializingBean, DisposableBean {

	private static final Duration SHARED_SECRET_LIFETIME = Duration.ofDays(2);

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
		try {
			return Mac.getInstance("HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	});

	private final Clock clock;

	private final boolean trustForwardedFor;

	private final SecureRandom random = new SecureRandom();

	private volatile DailySecret secret;

	private final SharedCounters shared;

	private final Map<LocalDate, SecretKeySpec> sharedSecrets = new ConcurrentHashMap<>();

	private @Nullable Disposable sharing;

	ClientKeys(Clock clock, GuardProperties properties) {
		this(clock, properties, SharedCounters.perInstance());
	}

	@Autowired
	ClientKeys(Clock clock, GuardProperties properties, SharedCounters shared) {
		this.clock = clock;
		this.trustForwardedFor = properties.trustForwardedFor();
		this.shared = shared;
	}

	/**
	 * Fetches today's and tomorrow's shared secrets, when Redis is configured: at once,
	 * then every second while one of them is not known yet.
	 */
	@Override
	public void afterPropertiesSet() {
		if (this.shared.shared()) {
			this.sharing = Flux.interval(Duration.ZERO, Duration.ofSeconds(1))
				.onBackpressureDrop()
				.concatMap((tick) -> fetchSharedSecrets(), 0)
				.subscribe();
		}
	}

	@Override
	public void destroy() {
		if (this.sharing != null) {
			this.sharing.dispose();
		}
	}

	/**
	 * Tells whether today's keys are the same on every instance.
	 * @return whether today's secret came from Redis
	 */
	public boolean sharesSecret() {
		return this.sharedSecrets.containsKey(today());
	}

	private Mono<Void> fetchSharedSecrets() {
		LocalDate today = today();
		this.sharedSecrets.keySet().removeIf((day) -> day.isBefore(today));
		return Flux.just(today, today.plusDays(1))
			.filter((day) -> !this.sharedSecrets.containsKey(day))
			.concatMap((day) -> {
				byte[] offered = new byte[32];
				this.random.nextBytes(offered);
				return this.shared
					.shareOnce("client-key-secret:" + day, BASE64.encodeToString(offered), SHARED_SECRET_LIFETIME)
					.doOnNext((value) -> this.sharedSecrets.put(day,
							new SecretKeySpec(Base64.getUrlDecoder().decode(value), "HmacSHA256")));
			})
			.onErrorResume((ex) -> Mono.empty())
			.then();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * Returns the key of the request's client.
	 * @param request the request
	 * @return the key, or null when the client's address is unknown
	 */
	public String keyOf(ServerHttpRequest request) {
		byte[] address = address(request);
		if (address == null) {
			return null;
		}
		Mac mac = MACS.get();
		try {
			mac.init(secret().key());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot key the client address", ex);
		}
		return BASE64.encodeToString(Arrays.copyOf(mac.doFinal(address), 16));
	}

	/**
	 * Tells whether the request reached the service over HTTPS, directly or, when the
	 * proxy is trusted, through it.
	 * @param request the request
	 * @return whether the client connected securely
	 */
	public boolean isSecure(ServerHttpRequest request) {
		if (request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme())) {
			return true;
		}
		return this.trustForwardedFor && "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto"));
	}

	private byte[] address(ServerHttpRequest request) {
		if (this.trustForwardedFor) {
			byte[] forwarded = lastForwardedFor(request.getHeaders().getValuesAsList("X-Forwarded-For"));
			if (forwarded != null) {
				return network(forwarded);
			}
		}
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress address = (remote != null) ? remote.getAddress() : null;
		return (address != null) ? network(address.getAddress()) : null;
	}

	/**
	 * Reads the entry the nearest proxy appended; the ones before it are the client's
	 * word.
	 */
	private static byte[] lastForwardedFor(List<String> values) {
		if (values.isEmpty()) {
			return null;
		}
		String last = values.get(values.size() - 1).strip();
		if (last.startsWith("[")) {
			int end = last.indexOf(']');
			last = (end > 0) ? last.substring(1, end) : last;
		}
		else if (last.indexOf(':') == last.lastIndexOf(':') && last.indexOf(':') > 0) {
			last = last.substring(0, last.indexOf(':'));
		}
		return NetUtil.createByteArrayFromIpAddressString(last);
	}

	private static byte[] network(byte[] address) {
		if (address.length == 16 && isIpv4Mapped(address)) {
			return Arrays.copyOfRange(address, 12, 16);
		}
		return (address.length == 16) ? Arrays.copyOf(address, 8) : address;
	}

	private static boolean isIpv4Mapped(byte[] address) {
		for (int i = 0; i < 10; i++) {
			if (address[i] != 0) {
				return false;
			}
		}
		return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
	}

	private DailySecret secret() {
		LocalDate today = today();
		SecretKeySpec shared = this.sharedSecrets.get(today);
		if (shared != null) {
			return new DailySecret(today, shared);
		}
		DailySecret current = this.secret;
		if (current != null && current.day().equals(today)) {
			return current;
		}
		synchronized (this) {
			current = this.secret;
			if (current == null || !current.day().equals(today)) {
				byte[] bytes = new byte[32];
				this.random.nextBytes(bytes);
				current = new DailySecret(today, new SecretKeySpec(bytes, "HmacSHA256"));
				this.secret = current;
			}
			return current;
		}
	}

	private record DailySecret(LocalDate day, SecretKeySpec key) {
	}

}
