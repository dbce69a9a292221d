package vn.hailong.guard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the respondent guards see the client.
 *
 * @param trustForwardedFor whether the service runs behind a reverse proxy that it
 * trusts: the client address is then the last entry of {@code X-Forwarded-For} (the one
 * the proxy added) and {@code X-Forwarded-Proto: https} marks the request as secure; off,
 * both headers are ignored, since any client can send them
 */
@ConfigurationProperties("hailong.guards")
public record GuardProperties(@DefaultValue("false") boolean trustForwardedFor) {
}
