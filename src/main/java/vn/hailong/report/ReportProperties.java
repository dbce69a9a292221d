package vn.hailong.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reports are computed.
 *
 * @param minimumCellSize breakdown cells with fewer responses than this are withheld, so
 * that no small group of respondents can be singled out
 * @param confidence the default confidence level of intervals
 * @param margin the margin of error e in the ministry's sample-size rule n = N / (1 +
 * N·e²)
 */
@ConfigurationProperties("hailong.report")
record ReportProperties(@DefaultValue("5") int minimumCellSize, @DefaultValue("0.95") double confidence,
		@DefaultValue("0.05") double margin) {

	public ReportProperties {
		if (minimumCellSize < 1) {
			throw new IllegalArgumentException("hailong.report.minimum-cell-size must be at least 1");
		}
		if (!(confidence >= 0.5 && confidence < 1) || !(margin > 0 && margin < 1)) {
			throw new IllegalArgumentException(
					"hailong.report.confidence must be in [0.5, 1) and hailong.report.margin in (0, 1)");
		}
	}

}
