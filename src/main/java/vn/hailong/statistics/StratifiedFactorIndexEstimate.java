package vn.hailong.statistics;

import java.util.List;

/**
 * The SIPAS-style figures of {@link FactorIndex#stratified}, weighted by unit population:
 * the overall index, each factor's index and each criterion's share, all in [0, 1].
 *
 * @param overall the mean of the factor indices, with its Korn–Graubard interval
 * @param factors each factor's index (the mean of its criteria's shares), in factor order
 * @param shares each criterion's weighted share of answers of 4 or 5 (Ŷ_k / X̂_k), 0
 * where nobody answered it
 */
public record StratifiedFactorIndexEstimate(StratifiedEstimate overall, List<StratifiedEstimate> factors,
		double[] shares) {

	public StratifiedFactorIndexEstimate {
		factors = List.copyOf(factors);
	}

}
