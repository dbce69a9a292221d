package vn.hailong.statistics;

import java.util.Objects;

/**
 * One stratum of a stratified sample (a unit): its population, which weighs it, and the
 * moments of its sample.
 *
 * @param id the stratum's name, such as a unit code; not null, unique within an estimate
 * @param population the stratum's size {@code N_h} (pupils enrolled, procedures handled),
 * not negative
 * @param moments the sample drawn from it, not null; for a proportion, the moments of the
 * 0/1 indicator {@code (n, successes, successes)} (see
 * {@link #of(String, long, ProportionCounts)})
 */
public record Stratum(String id, long population, Moments moments) {

	/**
	 * Checks the stratum.
	 * @throws NullPointerException if {@code id} or {@code moments} is null
	 * @throws IllegalArgumentException if the population is negative
	 */
	public Stratum {
		Objects.requireNonNull(id, "id");
		Arguments.notNegative("population", population);
		Objects.requireNonNull(moments, "moments");
	}

	/**
	 * A stratum of a proportion.
	 * @param id the stratum's name, not null
	 * @param population the stratum's size, not negative
	 * @param counts its sample's counts, not null
	 * @return the stratum with the moments of the 0/1 indicator
	 */
	public static Stratum of(String id, long population, ProportionCounts counts) {
		return new Stratum(id, population, Moments.of(counts));
	}

}
