package vn.hailong.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sample plans are drawn up; bound to the same key the report reads, so that both use
 * one margin.
 *
 * @param margin the margin of error e in the ministry's sample-size rule n = N / (1 +
 * N·e²), in (0, 1)
 */
@ConfigurationProperties("hailong.report")
record SamplingProperties(@DefaultValue("0.05") double margin) {

	SamplingProperties {
		if (!(margin > 0 && margin < 1)) {
			throw new IllegalArgumentException("hailong.report.margin must be in (0, 1)");
		}
	}

}
