package vn.hailong.statistics;

/**
 * What a design effect compares an estimate's variance with: a simple random sample of
 * the same number of observations, drawn without replacement from the same (estimated)
 * population, or drawn with replacement when the population is not known.
 */
public enum DesignEffectBaseline {

	/**
	 * A simple random sample without replacement from the same population (Kish 1965);
	 * R's {@code svymean(..., deff = TRUE)}.
	 */
	WITHOUT_REPLACEMENT,

	/**
	 * A simple random sample with replacement, when no population size is known; R's
	 * {@code svymean(..., deff = "replace")}.
	 */
	WITH_REPLACEMENT

}
