package vn.hailong.explorer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.statistics.Correlations;
import vn.hailong.statistics.MeanEstimate;
import vn.hailong.statistics.Means;
import vn.hailong.system.ApiException;
import vn.hailong.template.Item;
import vn.hailong.template.ItemType;
import vn.hailong.template.Section;
import vn.hailong.template.SurveyTemplate;

/**
 * Places each aspect of a template by its performance and its importance for overall
 * satisfaction ({@link Priorities}), within what the viewer may read.
 */
@Service
public class PrioritiesService {

	/**
	 * The respondents (with both an aspect mean and an overall answer) needed to rank
	 * aspects by importance. With n pairs the 95% Fisher interval of r spans about
	 * {@code ±1.96 (1 − r²)/√(n − 3)}: ±0.15 around r = 0.5 at n = 100, about the spread
	 * between the correlations of the aspects of one questionnaire, so with fewer the
	 * order of the aspects is mostly noise.
	 */
	public static final int RANK_THRESHOLD = 100;

	private final SelectionService selections;

	private final AnswerReads reads;

	PrioritiesService(SelectionService selections, AnswerReads reads) {
		this.selections = selections;
		this.reads = reads;
	}

	/**
	 * Where to act first.
	 * @param access the signed-in member
	 * @param query what the view covers
	 * @return the aspects placed; or the selection's errors
	 * ({@link SelectionService#select}), or {@code invalid-request} naming
	 * {@code campaign} (or {@code template}) with code {@code no_overall_item} when the
	 * template marks no overall item
	 */
	public Mono<Priorities> priorities(Access access, SelectionQuery query) {
		return this.selections.select(access, query).flatMap((selection) -> {
			SurveyTemplate template = selection.template().template();
			var overall = template.overallItem();
			if (overall.isEmpty()) {
				String field = (query.campaign() != null && !query.campaign().isBlank()) ? "campaign" : "template";
				return Mono.error(ApiException.invalid(field, "no_overall_item",
						"template '" + template.code() + "' v" + template.version()
								+ " marks no overall item ('overall: true'), so aspects "
								+ "cannot be related to overall satisfaction"));
			}
			return this.reads.aspectSums(selection)
				.collectList()
				.map((sums) -> assemble(selection, overall.get(), sums));
		});
	}

	static Priorities assemble(Selection selection, Item overall, List<AnswerReads.AspectSums> sums) {
		SurveyTemplate template = selection.template().template();
		Map<String, AnswerReads.AspectSums> bySection = new HashMap<>();
		sums.forEach((sum) -> bySection.put(sum.section(), sum));
		int minimum = selection.minimumCellSize();
		double confidence = selection.confidence();
		var placed = new ArrayList<Priorities.Aspect>();
		for (Section section : template.sections()) {
			boolean rated = section.items()
				.stream()
				.anyMatch((item) -> item.type() == ItemType.SCALE5 && !item.overall());
			if (!rated) {
				continue;
			}
			var sum = bySection.get(section.code());
			if (sum == null || sum.means().n() == 0) {
				placed.add(new Priorities.Aspect(section.code(), section.title(), false, null, null, null));
				continue;
			}
			if (sum.means().n() < minimum) {
				placed.add(new Priorities.Aspect(section.code(), section.title(), true, null, null, null));
				continue;
			}
			MeanEstimate mean = Means.tInterval(sum.means(), confidence, 1, 5);
			var performance = new Priorities.Performance(mean.n(), mean.mean(), mean.lower(), mean.upper(),
					mean.index(), mean.indexLower(), mean.indexUpper());
			Priorities.Importance importance = null;
			if (sum.pairs().n() >= minimum) {
				var r = Correlations.pearson(sum.pairs(), confidence);
				if (r.defined() && r.n() >= 4) {
					importance = new Priorities.Importance(r.n(), r.r(), r.lower(), r.upper());
				}
			}
			placed.add(new Priorities.Aspect(section.code(), section.title(), false, performance, importance, null));
		}
		var ranked = placed.stream()
			.filter((aspect) -> aspect.performance() != null && aspect.importance() != null)
			.toList();
		double performanceSplit = ranked.stream()
			.mapToDouble((aspect) -> aspect.performance().mean())
			.average()
			.orElse(0);
		double importanceSplit = ranked.stream().mapToDouble((aspect) -> aspect.importance().r()).average().orElse(0);
		long pairs = ranked.stream().mapToLong((aspect) -> aspect.importance().pairs()).min().orElse(0);
		var aspects = placed.stream()
			.map((aspect) -> (aspect.performance() != null && aspect.importance() != null && ranked.size() >= 2)
					? new Priorities.Aspect(aspect.section(), aspect.title(), false, aspect.performance(),
							aspect.importance(),
							Priorities.Quadrant.of(aspect.importance().r() >= importanceSplit,
									aspect.performance().mean() >= performanceSplit))
					: aspect)
			.toList();
		return new Priorities(overall.code(), overall.text(), aspects, performanceSplit, importanceSplit, pairs,
				pairs >= RANK_THRESHOLD, RANK_THRESHOLD, selection.windowed() ? "answers" : "aggregates", minimum,
				confidence);
	}

}
