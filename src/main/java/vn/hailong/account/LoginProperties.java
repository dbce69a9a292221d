package vn.hailong.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on sign-in attempts, for form sign-in and HTTP Basic alike.
 *
 * @param failuresPerUsername failed attempts for one username within the window before
 * further attempts are refused
 * @param failuresPerClient failed attempts from one client address within the window
 * @param window how long failures count
 */
@ConfigurationProperties("hailong.login")
record LoginProperties(@DefaultValue("5") int failuresPerUsername, @DefaultValue("20") int failuresPerClient,
		@DefaultValue("15m") Duration window) {

}
