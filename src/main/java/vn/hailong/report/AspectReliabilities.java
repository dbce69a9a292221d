package vn.hailong.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.hailong.report.Report.AspectReliability;
import vn.hailong.statistics.Reliability;
import vn.hailong.statistics.ReliabilitySummary;

/**
 * Cronbach's alpha per aspect (a template's section of 5-point items) over the units of a
 * report's scope, from the sums of complete cases the intake keeps per campaign, unit and
 * section: the sums of the units and campaigns are merged into one
 * {@link ReliabilitySummary} per template, section and set of items (a section whose
 * items changed between template versions gives one entry per set of items).
 */
public final class AspectReliabilities {

	private AspectReliabilities() {
	}

	/**
	 * The aspects' alphas.
	 * @param totals the sums, per campaign, unit, section and item ({@code ""} for the
	 * total score)
	 * @param templates the template code of each campaign, by campaign id
	 * @param units the ids of the units in the scope
	 * @param minimumCellSize below this many complete cases alpha is withheld
	 * @return one entry per template, section and set of items, in that order; alpha null
	 * when withheld or undefined (fewer than 2 complete cases, or no variance in the
	 * total score)
	 */
	public static List<AspectReliability> of(Collection<SectionTotal> totals, Map<Long, String> templates,
			Set<Long> units, int minimumCellSize) {
		// campaign, unit, section -> item -> total
		var cases = new TreeMap<String, Map<String, SectionTotal>>();
		for (SectionTotal total : totals) {
			if (units.contains(total.unit()) && templates.containsKey(total.campaign())) {
				cases
					.computeIfAbsent(total.campaign() + "/" + total.unit() + "/" + total.section(),
							(key) -> new TreeMap<>())
					.put(total.item(), total);
			}
		}
		// template, section, items -> merged summary
		var merged = new TreeMap<List<String>, ReliabilitySummary>(
				(a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
		for (Map<String, SectionTotal> byItem : cases.values()) {
			SectionTotal score = byItem.get("");
			if (score == null || score.respondents() == 0) {
				continue;
			}
			List<String> items = byItem.keySet().stream().filter((item) -> !item.isEmpty()).toList();
			int k = items.size();
			double[] sums = new double[k];
			double[] squares = new double[k];
			for (int i = 0; i < k; i++) {
				sums[i] = byItem.get(items.get(i)).sum();
				squares[i] = byItem.get(items.get(i)).squares();
			}
			var summary = new ReliabilitySummary(k, score.respondents(), sums, squares, score.sum(), score.squares());
			var key = new ArrayList<String>();
			key.add(templates.get(score.campaign()));
			key.add(score.section());
			key.addAll(items);
			merged.merge(key, summary, ReliabilitySummary::merge);
		}
		var result = new ArrayList<AspectReliability>();
		merged.forEach((key, summary) -> {
			boolean defined = summary.items() >= 2 && summary.n() >= 2 && summary.total().variance() > 0;
			Double alpha = (defined && summary.n() >= minimumCellSize) ? Reliability.cronbachAlpha(summary) : null;
			result.add(new AspectReliability(key.get(0), key.get(1), List.copyOf(key.subList(2, key.size())),
					summary.n(), alpha));
		});
		return result;
	}

}
