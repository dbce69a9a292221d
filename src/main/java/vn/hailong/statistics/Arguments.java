package vn.hailong.statistics;

/**
 * Argument checks shared by the statistics classes.
 */
final class Arguments {

	private Arguments() {
	}

	static double confidence(double confidence) {
		if (!(confidence > 0 && confidence < 1)) {
			throw new IllegalArgumentException("confidence must be strictly between 0 and 1, not " + confidence);
		}
		return confidence;
	}

	static double finite(String name, double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException(name + " must be a finite number, not " + value);
		}
		return value;
	}

	static double probability(String name, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be from 0 to 1, not " + value);
		}
		return value;
	}

	static void counts(long n, long successes) {
		if (n < 0 || successes < 0 || successes > n) {
			throw new IllegalArgumentException(
					"counts must satisfy 0 <= successes <= n, not successes " + successes + " of " + n);
		}
	}

	static void moments(String prefix, long n, double sum, double sumOfSquares) {
		notNegative(prefix + "n", n);
		finite(prefix + "sum", sum);
		finite(prefix + "sumOfSquares", sumOfSquares);
		if (sumOfSquares < 0) {
			throw new IllegalArgumentException(prefix + "sumOfSquares must not be negative, not " + sumOfSquares);
		}
		if (n == 0 && (sum != 0 || sumOfSquares != 0)) {
			throw new IllegalArgumentException(
					"the sums of no values must be 0, not " + prefix + "sum " + sum + " and " + sumOfSquares);
		}
	}

	static long notNegative(String name, long value) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " must not be negative, not " + value);
		}
		return value;
	}

	static void interval(double lower, double upper) {
		finite("lower", lower);
		finite("upper", upper);
		if (lower > upper) {
			throw new IllegalArgumentException("lower (" + lower + ") must not exceed upper (" + upper + ")");
		}
	}

	static void range(double min, double max) {
		finite("min", min);
		finite("max", max);
		if (!(min < max)) {
			throw new IllegalArgumentException("min (" + min + ") must be below max (" + max + ")");
		}
	}

	static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
