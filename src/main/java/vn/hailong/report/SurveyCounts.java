package vn.hailong.report;

/**
 * Sufficient statistics of one unit's answers to the items an indicator covers: enough
 * for every survey method and its variance, and mergeable by addition.
 *
 * @param respondents respondents who answered at least one covered item
 * @param answers answers to covered items (Σ m_r)
 * @param satisfied answers of 4 or 5 (Σ a_r)
 * @param satisfiedSquares Σ a_r²
 * @param answersSquares Σ m_r²
 * @param crossProducts Σ a_r·m_r
 * @param satisfiedRespondents respondents whose own average is at least 4
 * @param meanSum Σ of the respondents' own averages
 * @param meanSquares Σ of their squares
 * @param notApplicable answers "không áp dụng" to covered items, which count in none of
 * the above
 */
public record SurveyCounts(long respondents, long answers, long satisfied, double satisfiedSquares,
		double answersSquares, double crossProducts, long satisfiedRespondents, double meanSum, double meanSquares,
		long notApplicable) {

	/** No respondents. */
	public static final SurveyCounts EMPTY = new SurveyCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	public SurveyCounts(long respondents, long answers, long satisfied, double satisfiedSquares, double answersSquares,
			double crossProducts, long satisfiedRespondents, double meanSum, double meanSquares) {
		this(respondents, answers, satisfied, satisfiedSquares, answersSquares, crossProducts, satisfiedRespondents,
				meanSum, meanSquares, 0);
	}

	/**
	 * The counts of two disjoint sets of respondents together.
	 * @param other the other counts
	 * @return their sums
	 */
	public SurveyCounts merge(SurveyCounts other) {
		return new SurveyCounts(this.respondents + other.respondents, this.answers + other.answers,
				this.satisfied + other.satisfied, this.satisfiedSquares + other.satisfiedSquares,
				this.answersSquares + other.answersSquares, this.crossProducts + other.crossProducts,
				this.satisfiedRespondents + other.satisfiedRespondents, this.meanSum + other.meanSum,
				this.meanSquares + other.meanSquares, this.notApplicable + other.notApplicable);
	}

	/**
	 * Whether every respondent answered exactly one covered item, so answers are
	 * respondents.
	 */
	public boolean oneAnswerEach() {
		return this.answers == this.respondents;
	}

}
