package vn.hailong.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The data of one indicator in one period, as loaded from the database.
 *
 * @param survey the survey counts of each unit's own respondents, by unit id
 * @param reported the reported numerator and denominator sums of each unit, by unit id
 * @param units the units with data: those the campaigns survey, or those that reported
 * @param campaigns the ids of the campaigns counted, ascending
 * @param periods the periods counted
 * @param criteria the official criteria counted by a {@code factor-mean} indicator, or
 * null for other methods
 */
record Measured(Map<Long, SurveyCounts> survey, Map<Long, long[]> reported, Set<Long> units, List<Long> campaigns,
		List<String> periods, @Nullable Criteria criteria) {

	Measured(Map<Long, SurveyCounts> survey, Map<Long, long[]> reported, Set<Long> units, List<Long> campaigns,
			List<String> periods) {
		this(survey, reported, units, campaigns, periods, null);
	}

	/**
	 * One unit's survey counts.
	 * @param unit the unit's id
	 * @return its counts, {@link SurveyCounts#EMPTY} when it has none
	 */
	SurveyCounts counts(long unit) {
		return this.survey.getOrDefault(unit, SurveyCounts.EMPTY);
	}

}
