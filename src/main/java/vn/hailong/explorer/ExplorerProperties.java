package vn.hailong.explorer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the explorer withholds and estimates. The minimum cell size is read from the same
 * key as the plan report's ({@code hailong.report.minimum-cell-size}), so that a unit
 * withheld in one is withheld in the other.
 *
 * @param minimumCellSize units and cells with fewer responses than this are withheld; at
 * least 1, default 5
 * @param confidence the confidence level of intervals, in [0.5, 1), default 0.95
 */
@ConfigurationProperties("hailong.report")
public record ExplorerProperties(@DefaultValue("5") int minimumCellSize, @DefaultValue("0.95") double confidence) {

	public ExplorerProperties {
		if (minimumCellSize < 1) {
			throw new IllegalArgumentException("hailong.report.minimum-cell-size must be at least 1");
		}
		if (!(confidence >= 0.5 && confidence < 1)) {
			throw new IllegalArgumentException("hailong.report.confidence must be in [0.5, 1)");
		}
	}

}
