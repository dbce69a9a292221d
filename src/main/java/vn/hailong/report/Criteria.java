package vn.hailong.report;

import java.util.List;
import java.util.Map;

import vn.hailong.statistics.CriteriaMoments;
import vn.hailong.template.LocalizedText;

/**
 * The official criteria a {@code factor-mean} indicator counts, in the newest version of
 * its template: each criterion's factor (the section that holds it), and each unit's
 * moments over them.
 *
 * @param factors the factors' section codes, in template order
 * @param titles the factors' section titles, in the same order
 * @param factorOf each criterion's factor, an index into {@code factors}
 * @param perUnit each unit's moments and "không áp dụng" answers, by unit id
 */
record Criteria(List<String> factors, List<LocalizedText> titles, int[] factorOf,
		Map<Long, ReportRepository.CriteriaCounts> perUnit) {

	Criteria {
		factors = List.copyOf(factors);
		titles = List.copyOf(titles);
		perUnit = Map.copyOf(perUnit);
	}

	/**
	 * The moments of some units added up.
	 * @param units unit ids
	 * @return their moments; empty ones when none has respondents
	 */
	CriteriaMoments pooled(List<Long> units) {
		CriteriaMoments pooled = CriteriaMoments.empty(this.factorOf.length);
		for (Long unit : units) {
			var counts = this.perUnit.get(unit);
			if (counts != null) {
				pooled = pooled.merge(counts.moments());
			}
		}
		return pooled;
	}

	/**
	 * One unit's counts for the report's breakdown: its respondents, answers to criteria
	 * and satisfied answers among them, and its "không áp dụng" answers.
	 * @param counts the unit's criteria counts
	 * @return the counts
	 */
	static SurveyCounts surveyCounts(ReportRepository.CriteriaCounts counts) {
		CriteriaMoments moments = counts.moments();
		long answers = 0;
		long satisfied = 0;
		for (int k = 0; k < moments.criteria(); k++) {
			answers += (long) moments.answers(k);
			satisfied += (long) moments.satisfied(k);
		}
		return new SurveyCounts(moments.n(), answers, satisfied, 0, 0, 0, 0, 0, 0, counts.notApplicable());
	}

}
