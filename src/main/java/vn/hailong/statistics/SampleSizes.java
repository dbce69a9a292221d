package vn.hailong.statistics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many to ask: the sample size for a margin of error, and its allocation over units.
 *
 * <p>
 * References: T. Yamane (1967), Statistics: An Introductory Analysis, 2nd ed., Harper and
 * Row (the rule the Ministry of Home Affairs prescribes for SIPAS); W. G. Cochran (1977),
 * Sampling Techniques, 3rd ed., Wiley, ch. 4 and 5 (sample size for a proportion,
 * proportional allocation); the largest-remainder (Hamilton) method of apportionment.
 */
public final class SampleSizes {

	private SampleSizes() {
	}

	/**
	 * The Ministry of Home Affairs' rule {@code n = N / (1 + N e²)} (Yamane's formula),
	 * rounded up, computed exactly in decimal from the margin as written (so 0.05 is
	 * exactly 5%).
	 * @param population the number of transactions (or people) in the period, {@code N},
	 * not negative
	 * @param margin the margin of error {@code e}, strictly between 0 and 1 (0.05 for 5%)
	 * @return the sample size, from 0 to {@code N}; 0 when {@code N == 0}
	 * @throws IllegalArgumentException if the population is negative or the margin out of
	 * range
	 */
	public static long ministry(long population, double margin) {
		Arguments.notNegative("population", population);
		margin(margin);
		var size = BigDecimal.valueOf(population);
		var e = BigDecimal.valueOf(margin);
		return size.divide(BigDecimal.ONE.add(size.multiply(e).multiply(e)), 0, RoundingMode.CEILING).longValueExact();
	}

	/**
	 * Cochran's sample size for estimating a proportion: {@code n₀ = z² p(1 − p) / e²},
	 * with {@code z} the standard normal quantile at {@code (1 + confidence)/2}, and for
	 * a finite population the corrected {@code n = n₀ / (1 + (n₀ − 1)/N)}, rounded up.
	 * @param margin the margin of error {@code e}, strictly between 0 and 1
	 * @param confidence the confidence level, strictly between 0 and 1
	 * @param proportion the expected proportion {@code p}, from 0 to 1 (0.5 when unknown,
	 * the largest sample)
	 * @param population the population {@code N}; 0 or less means infinite (no
	 * correction)
	 * @return the sample size, at most {@code N} for a finite population; 0 when
	 * {@code p(1 − p) = 0}
	 * @throws IllegalArgumentException if a parameter is out of range
	 */
	public static long cochran(double margin, double confidence, double proportion, long population) {
		margin(margin);
		Arguments.confidence(confidence);
		Arguments.probability("proportion", proportion);
		double z = Distributions.z(confidence);
		double size = z * z * proportion * (1 - proportion) / (margin * margin);
		if (size > 0 && population > 0) {
			size = size / (1 + (size - 1) / population);
		}
		long rounded = (long) Math.ceil(size);
		return (population > 0) ? Math.min(rounded, population) : rounded;
	}

	/**
	 * Allocates a total sample over units in proportion to their populations, by the
	 * largest remainder method: each unit gets the whole part of its quota
	 * {@code total × N_i / Σ N}, and the units with the largest fractional parts one more
	 * each until the total is reached (ties go to the unit that comes first). Computed in
	 * exact integer arithmetic.
	 * @param total the sample size to allocate, not negative
	 * @param populations each unit's population, not negative, in the order wanted; not
	 * null, no null keys or values
	 * @return each unit's share, in the iteration order of {@code populations},
	 * unmodifiable: the shares sum to exactly {@code min(total, Σ N)}, none exceeds its
	 * unit's population (each unit is surveyed whole when {@code total >= Σ N}), and all
	 * are 0 when {@code Σ N = 0}
	 * @throws IllegalArgumentException if the total or a population is negative
	 */
	public static Map<String, Long> allocate(long total, Map<String, Long> populations) {
		Arguments.notNegative("total", total);
		BigInteger sum = sum(populations);
		if (sum.compareTo(BigInteger.valueOf(total)) <= 0) {
			return Collections.unmodifiableMap(new LinkedHashMap<>(populations));
		}
		Map<String, Long> shares = new LinkedHashMap<>();
		List<Quota> quotas = new ArrayList<>();
		long allocated = 0;
		for (Map.Entry<String, Long> entry : populations.entrySet()) {
			BigInteger[] division = BigInteger.valueOf(total)
				.multiply(BigInteger.valueOf(entry.getValue()))
				.divideAndRemainder(sum);
			long whole = division[0].longValueExact();
			shares.put(entry.getKey(), whole);
			allocated += whole;
			quotas.add(new Quota(entry.getKey(), quotas.size(), division[1]));
		}
		quotas.sort(Comparator.comparing(Quota::remainder).reversed().thenComparingInt(Quota::position));
		for (int i = 0; i < total - allocated; i++) {
			shares.merge(quotas.get(i).unit(), 1L, Long::sum);
		}
		return Collections.unmodifiableMap(shares);
	}

	private static BigInteger sum(Map<String, Long> populations) {
		Objects.requireNonNull(populations, "populations");
		BigInteger sum = BigInteger.ZERO;
		for (Map.Entry<String, Long> entry : populations.entrySet()) {
			Objects.requireNonNull(entry.getKey(), "unit");
			Objects.requireNonNull(entry.getValue(), "population");
			Arguments.notNegative("population of " + entry.getKey(), entry.getValue());
			sum = sum.add(BigInteger.valueOf(entry.getValue()));
		}
		return sum;
	}

	private static void margin(double margin) {
		if (!(margin > 0 && margin < 1)) {
			throw new IllegalArgumentException("margin must be strictly between 0 and 1, not " + margin);
		}
	}

	private record Quota(String unit, int position, BigInteger remainder) {

	}

}
