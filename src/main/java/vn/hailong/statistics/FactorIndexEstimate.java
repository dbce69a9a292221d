package vn.hailong.statistics;

import java.util.List;

/**
 * The SIPAS-style figures of {@link FactorIndex}: the overall index, each factor's index
 * and each criterion's share, all in [0, 1].
 *
 * @param overall the mean of the factor indices, with its linearised interval; its
 * {@code total} is the answers to the criteria used
 * @param factors each factor's index (the mean of its criteria's shares), in factor order
 * @param shares each criterion's share of answers of 4 or 5, 0 where nobody answered it
 */
public record FactorIndexEstimate(RatioEstimate overall, List<RatioEstimate> factors, double[] shares) {

	public FactorIndexEstimate {
		factors = List.copyOf(factors);
	}

}
