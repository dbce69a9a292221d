package vn.hailong.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How live progress is sent.
 *
 * @param interval the shortest time between two progress events of one campaign on one
 * stream; responses arriving meanwhile are counted in the next event
 * @param heartbeat the time between the comments that keep an idle stream open through
 * proxies
 * @param pace the share of the target expected by now below which a running campaign's
 * unit is behind, as a fraction of the elapsed share of the campaign's window
 */
@ConfigurationProperties("hailong.progress")
record ProgressProperties(@DefaultValue("1s") Duration interval, @DefaultValue("20s") Duration heartbeat,
		@DefaultValue("0.8") double pace) {

	public ProgressProperties {
		if (interval.isNegative() || heartbeat.isNegative() || heartbeat.isZero()) {
			throw new IllegalArgumentException(
					"hailong.progress.interval must not be negative and hailong.progress.heartbeat must be positive");
		}
		if (!(pace > 0 && pace <= 1)) {
			throw new IllegalArgumentException("hailong.progress.pace must be in (0, 1]");
		}
	}

}
