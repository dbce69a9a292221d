package vn.hailong.explorer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.explorer.ExplorerRepository.SectionCounts;
import vn.hailong.explorer.ExplorerRepository.ValueCount;
import vn.hailong.explorer.QuestionResults.AspectResult;
import vn.hailong.explorer.QuestionResults.ChoiceResult;
import vn.hailong.explorer.QuestionResults.Interval;
import vn.hailong.explorer.QuestionResults.ItemResult;
import vn.hailong.explorer.QuestionResults.NumberResult;
import vn.hailong.explorer.QuestionResults.ScaleResult;
import vn.hailong.explorer.QuestionResults.Scope;
import vn.hailong.explorer.QuestionResults.Share;
import vn.hailong.explorer.UnitComparison.Position;
import vn.hailong.explorer.UnitComparison.Statistic;
import vn.hailong.explorer.UnitComparison.UnitFigure;
import vn.hailong.indicator.SurveyMethod;
import vn.hailong.report.AspectReliabilities;
import vn.hailong.report.Estimate;
import vn.hailong.report.Report.AspectReliability;
import vn.hailong.report.ScopeTree;
import vn.hailong.report.Suppression;
import vn.hailong.report.SurveyCounts;
import vn.hailong.report.SurveyEstimator;
import vn.hailong.statistics.MeanEstimate;
import vn.hailong.statistics.Means;
import vn.hailong.statistics.Moments;
import vn.hailong.statistics.NumberSummary;
import vn.hailong.statistics.ProportionCounts;
import vn.hailong.statistics.ProportionEstimate;
import vn.hailong.statistics.Proportions;
import vn.hailong.system.ApiException;
import vn.hailong.template.Item;
import vn.hailong.template.ItemType;
import vn.hailong.template.Section;
import vn.hailong.template.SurveyTemplate;
import vn.hailong.unit.Unit;

/**
 * The per-question and units-compared views of the results explorer: resolves the
 * selection within the viewer's scope ({@link SelectionService}), reads the counts
 * aggregated in the database ({@link ExplorerRepository}) and estimates with the report's
 * estimators ({@link SurveyEstimator}, {@link AspectReliabilities}), roll-up
 * ({@link ScopeTree}) and small-cell suppression ({@link Suppression}).
 */
@Service
public class ExplorerService {

	private static final List<String> SCALE = List.of("1", "2", "3", "4", "5");

	private final SelectionService selections;

	private final ExplorerRepository data;

	ExplorerService(SelectionService selections, ExplorerRepository data) {
		this.selections = selections;
		this.data = data;
	}

	/**
	 * Every counted item's results and every aspect's, or one item's.
	 * @param access the signed-in member
	 * @param query the selection's parameters
	 * @param item one item's code, or null for every item
	 * @return the results; or the errors of {@link SelectionService#select}, and
	 * {@code invalid-request} on field {@code item} ({@code unknown}: not an item of the
	 * template; {@code not_counted}: a free-text item)
	 */
	public Mono<QuestionResults> questions(Access access, SelectionQuery query, @Nullable String item) {
		return this.selections.select(access, query).flatMap((selection) -> {
			SurveyTemplate template = selection.template().template();
			List<Item> items;
			if (item != null) {
				Item asked = item(template, item);
				if (asked.type() == ItemType.TEXT) {
					throw ApiException.invalid("item", "not_counted",
							"item '" + item + "' takes free text, which is not counted; see /api/v1/explorer/texts");
				}
				items = List.of(asked);
			}
			else {
				items = template.items().stream().filter((candidate) -> candidate.type() != ItemType.TEXT).toList();
			}
			boolean aspects = item == null;
			return Mono
				.zip(this.data.valueCounts(selection, item, false).collectList(), this.data.responses(selection),
						aspects ? this.data.sectionCounts(selection, null, false).collectList()
								: Mono.just(List.<SectionCounts>of()),
						aspects ? this.data.sectionTotals(selection).collectList()
								: Mono.just(List.<vn.hailong.report.SectionTotal>of()))
				.map((loaded) -> questions(selection, items, aspects, loaded.getT1(), loaded.getT2(), loaded.getT3(),
						loaded.getT4()));
		});
	}

	private QuestionResults questions(Selection selection, List<Item> items, boolean withAspects,
			List<ValueCount> counts, long total, List<SectionCounts> sections,
			List<vn.hailong.report.SectionTotal> totals) {
		boolean withheld = total > 0 && total < selection.minimumCellSize();
		Scope scope = scope(selection, total);
		if (withheld) {
			return new QuestionResults(scope, true, List.of(), List.of());
		}
		var byItem = new HashMap<String, List<ValueCount>>();
		counts.forEach((count) -> byItem.computeIfAbsent(count.item(), (key) -> new ArrayList<>()).add(count));
		SurveyTemplate template = selection.template().template();
		var results = new ArrayList<ItemResult>();
		for (Item item : items) {
			results.add(item(selection, sectionOf(template, item), item, byItem.getOrDefault(item.code(), List.of())));
		}
		var aspects = new ArrayList<AspectResult>();
		if (withAspects) {
			var pooled = new HashMap<String, SurveyCounts>();
			sections.forEach((row) -> pooled.merge(row.section(), row.counts(), SurveyCounts::merge));
			var templates = new HashMap<Long, String>();
			selection.campaigns()
				.forEach((campaign) -> templates.put(campaign.id(), selection.template().template().code()));
			// the repository adds the units' sums up, as unit 0
			List<AspectReliability> alphas = AspectReliabilities.of(totals, templates, Set.of(0L),
					selection.minimumCellSize());
			for (Section section : template.sections()) {
				var scaleItems = section.items()
					.stream()
					.filter((candidate) -> candidate.type() == ItemType.SCALE5)
					.map(Item::code)
					.toList();
				if (!scaleItems.isEmpty()) {
					aspects.add(aspect(selection, section, scaleItems,
							pooled.getOrDefault(section.code(), SurveyCounts.EMPTY), alphas));
				}
			}
		}
		return new QuestionResults(scope, false, results, aspects);
	}

	private ItemResult item(Selection selection, String section, Item item, List<ValueCount> counts) {
		var byValue = new HashMap<String, Long>();
		long respondents = 0;
		for (ValueCount count : counts) {
			byValue.merge(count.value(), count.answers(), Long::sum);
			if (!Item.NOT_APPLICABLE.equals(count.value())) {
				respondents += count.respondents();
			}
		}
		boolean withheld = respondents > 0 && respondents < selection.minimumCellSize();
		return switch (item.type()) {
			case SCALE5 -> scale(selection, section, item, byValue, withheld);
			case NUMBER -> {
				var frequencies = new TreeMap<Double, Long>();
				byValue.forEach(
						(value, count) -> frequencies.merge(new BigDecimal(value).doubleValue(), count, Long::sum));
				NumberSummary summary = NumberSummary.of(frequencies);
				yield new NumberResult(item.code(), item.type(), section, item.text(), summary.n(), withheld,
						(withheld || summary.n() == 0) ? null : summary, NumberSummary.QUANTILE_TYPE);
			}
			default -> {
				List<String> values = (item.type() == ItemType.YESNO) ? List.of("yes", "no")
						: item.options().stream().map((option) -> option.code()).toList();
				var shares = new ArrayList<Share>();
				if (!withheld) {
					for (String value : values) {
						long count = byValue.getOrDefault(value, 0L);
						shares.add(new Share(value, item.option(value).map((option) -> option.text()).orElse(null),
								count, percent(count, respondents)));
					}
				}
				yield new ChoiceResult(item.code(), item.type(), section, item.text(), respondents, withheld, shares);
			}
		};
	}

	private ScaleResult scale(Selection selection, String section, Item item, Map<String, Long> byValue,
			boolean withheld) {
		long n = 0;
		long satisfied = 0;
		double sum = 0;
		double squares = 0;
		for (String point : SCALE) {
			long count = byValue.getOrDefault(point, 0L);
			int value = Integer.parseInt(point);
			n += count;
			sum += (double) value * count;
			squares += (double) value * value * count;
			if (value >= 4) {
				satisfied += count;
			}
		}
		if (withheld) {
			return new ScaleResult(item.code(), item.type(), section, item.text(), n, true, List.of(), 0, null, null);
		}
		var shares = new ArrayList<Share>();
		for (String point : SCALE) {
			long count = byValue.getOrDefault(point, 0L);
			shares.add(new Share(point, null, count, percent(count, n)));
		}
		Interval share = null;
		Interval mean = null;
		if (n > 0) {
			ProportionEstimate top2 = Proportions.wilson(new ProportionCounts(n, satisfied), selection.confidence());
			share = new Interval(100 * top2.estimate(), 100 * top2.lower(), 100 * top2.upper());
			MeanEstimate average = Means.tInterval(new Moments(n, sum, squares), selection.confidence(), 1, 5);
			mean = new Interval(average.mean(), average.lower(), average.upper());
		}
		return new ScaleResult(item.code(), item.type(), section, item.text(), n, false, shares,
				byValue.getOrDefault(Item.NOT_APPLICABLE, 0L), share, mean);
	}

	private AspectResult aspect(Selection selection, Section section, List<String> items, SurveyCounts counts,
			List<AspectReliability> alphas) {
		var reliability = alphas.stream()
			.filter((alpha) -> alpha.section().equals(section.code()))
			.max(Comparator.comparingLong(AspectReliability::completeCases));
		long complete = reliability.map(AspectReliability::completeCases).orElse(0L);
		Double alpha = reliability.map(AspectReliability::cronbachAlpha).orElse(null);
		boolean withheld = counts.respondents() > 0 && counts.respondents() < selection.minimumCellSize();
		if (withheld || counts.respondents() == 0) {
			return new AspectResult(section.code(), section.title(), items, counts.respondents(), counts.answers(),
					withheld, null, null, withheld ? 0 : complete, withheld ? null : alpha);
		}
		return new AspectResult(section.code(), section.title(), items, counts.respondents(), counts.answers(), false,
				interval(new SurveyEstimator(SurveyMethod.MEAN_INDEX, selection.confidence()).unweighted(counts)),
				interval(
						new SurveyEstimator(SurveyMethod.SATISFIED_ANSWERS, selection.confidence()).unweighted(counts)),
				complete, alpha);
	}

	/**
	 * The units under the selection's top compared on one 5-point item or one aspect.
	 * @param access the signed-in member
	 * @param query the selection's parameters
	 * @param item a 5-point item's code, or null
	 * @param section an aspect's (section's) code, or null
	 * @param statistic {@code share} (default) or {@code index}, or null
	 * @return the comparison; or the errors of {@link SelectionService#select}, and
	 * {@code invalid-request} on field {@code item} ({@code required} when neither an
	 * item nor a section is given, {@code conflict} when both are, {@code unknown},
	 * {@code not_scale5} for an item of another type), {@code section} ({@code unknown},
	 * or {@code no_scale5} for a section without 5-point items) or {@code statistic}
	 * ({@code unknown})
	 */
	public Mono<UnitComparison> units(Access access, SelectionQuery query, @Nullable String item,
			@Nullable String section, @Nullable String statistic) {
		return Mono.defer(() -> {
			Statistic chosen = statistic(statistic);
			if (item == null && section == null) {
				throw ApiException.invalid("item", "required", "give a 5-point item or a section");
			}
			if (item != null && section != null) {
				throw ApiException.invalid("section", "conflict", "give either an item or a section, not both");
			}
			return this.selections.select(access, query).flatMap((selection) -> {
				SurveyTemplate template = selection.template().template();
				if (item != null) {
					Item asked = item(template, item);
					if (asked.type() != ItemType.SCALE5) {
						throw ApiException.invalid("item", "not_scale5", "item '" + item + "' is a "
								+ asked.type().yamlName() + " item; units are compared on 5-point items");
					}
					return this.data.valueCounts(selection, item, true)
						.collectList()
						.map((counts) -> compare(selection, asked.code(), sectionOf(template, asked), asked.text(),
								chosen, itemCounts(counts)));
				}
				Section asked = template.sections()
					.stream()
					.filter((candidate) -> candidate.code().equals(section))
					.findFirst()
					.orElseThrow(() -> ApiException.invalid("section", "unknown",
							"template " + template.code() + " has no section '" + section + "'"));
				if (asked.items().stream().noneMatch((candidate) -> candidate.type() == ItemType.SCALE5)) {
					throw ApiException.invalid("section", "no_scale5",
							"section '" + section + "' has no 5-point items to compare units on");
				}
				return this.data.sectionCounts(selection, section, true)
					.collectMap(SectionCounts::unit, SectionCounts::counts)
					.map((counts) -> compare(selection, null, asked.code(), asked.title(), chosen, counts));
			});
		});
	}

	/**
	 * A single item's counts per unit as the report reads them: one answer per
	 * respondent, the value as the respondent's mean.
	 */
	private static Map<Long, SurveyCounts> itemCounts(List<ValueCount> counts) {
		var perUnit = new HashMap<Long, SurveyCounts>();
		for (ValueCount count : counts) {
			if (!SCALE.contains(count.value())) {
				continue;
			}
			long n = count.respondents();
			int value = Integer.parseInt(count.value());
			long satisfied = (value >= 4) ? n : 0;
			perUnit.merge(count.unit(), new SurveyCounts(n, n, satisfied, satisfied, n, satisfied, satisfied,
					(double) n * value, (double) n * value * value), SurveyCounts::merge);
		}
		return perUnit;
	}

	private UnitComparison compare(Selection selection, @Nullable String item, String section,
			vn.hailong.template.LocalizedText text, Statistic statistic, Map<Long, SurveyCounts> counts) {
		Unit root = selection.root();
		var tree = new ScopeTree(selection.tree(), (root != null) ? root.code() : null);
		var respondents = new HashMap<Long, Long>();
		counts.forEach((unit, unitCounts) -> respondents.put(unit, unitCounts.respondents()));
		var suppression = new Suppression(tree, respondents, selection.minimumCellSize());
		Set<Long> withheld = suppression.withheld();
		var estimator = new SurveyEstimator(
				(statistic == Statistic.SHARE) ? SurveyMethod.SATISFIED_ANSWERS : SurveyMethod.MEAN_INDEX,
				selection.confidence());
		List<Unit> children = (root != null) ? tree.children(root)
				: selection.tree().stream().filter((unit) -> unit.parent() == null).toList();
		var pooled = SurveyCounts.EMPTY;
		for (SurveyCounts unitCounts : counts.values()) {
			pooled = pooled.merge(unitCounts);
		}
		boolean parentWithheld = pooled.respondents() > 0 && pooled.respondents() < selection.minimumCellSize();
		Interval parentFigure = parentWithheld ? null : interval(estimator.unweighted(pooled));
		var parent = new UnitFigure((root != null) ? root.code() : null, (root != null) ? root.name() : null,
				pooled.respondents(), parentWithheld, parentFigure, null);
		var subtrees = tree.subtrees(counts.keySet());
		var figures = new ArrayList<UnitFigure>();
		if (!parentWithheld) {
			for (Unit child : children) {
				var members = subtrees.getOrDefault(child.id(), List.of());
				SurveyCounts childCounts = SurveyCounts.EMPTY;
				for (Unit member : members) {
					childCounts = childCounts.merge(counts.get(member.id()));
				}
				if (childCounts.respondents() == 0) {
					continue;
				}
				if (withheld.contains(child.id())) {
					figures
						.add(new UnitFigure(child.code(), child.name(), childCounts.respondents(), true, null, null));
					continue;
				}
				Interval figure = interval(estimator.unweighted(childCounts));
				figures.add(new UnitFigure(child.code(), child.name(), childCounts.respondents(), false, figure,
						position(figure, parentFigure)));
			}
		}
		figures.sort(Comparator.comparing(UnitFigure::withheld)
			.thenComparing((UnitFigure figure) -> (figure.estimate() != null) ? -figure.estimate().estimate() : 0)
			.thenComparing((UnitFigure figure) -> figure.unit()));
		return new UnitComparison(scope(selection, pooled.respondents()), item, section, text, statistic, parent,
				figures);
	}

	private static @Nullable Position position(Interval figure, @Nullable Interval parent) {
		if (parent == null) {
			return null;
		}
		if (figure.lower() > parent.estimate()) {
			return Position.ABOVE;
		}
		if (figure.upper() < parent.estimate()) {
			return Position.BELOW;
		}
		return Position.WITHIN;
	}

	private static Statistic statistic(@Nullable String statistic) {
		if (statistic == null || statistic.isBlank() || statistic.strip().equals("share")) {
			return Statistic.SHARE;
		}
		if (statistic.strip().equals("index")) {
			return Statistic.INDEX;
		}
		throw ApiException.invalid("statistic", "unknown", "statistic must be share or index");
	}

	private static Item item(SurveyTemplate template, String code) {
		return template.items()
			.stream()
			.filter((candidate) -> candidate.code().equals(code))
			.findFirst()
			.orElseThrow(() -> ApiException.invalid("item", "unknown",
					"template " + template.code() + " has no item '" + code + "'"));
	}

	private static String sectionOf(SurveyTemplate template, Item item) {
		return template.sections()
			.stream()
			.filter((section) -> section.items().contains(item))
			.map(Section::code)
			.findFirst()
			.orElse("");
	}

	private static Scope scope(Selection selection, long responses) {
		Unit root = selection.root();
		return new Scope(selection.campaigns().stream().map((campaign) -> campaign.id()).toList(),
				selection.template().template().code(), selection.template().template().version(),
				(root != null) ? root.code() : null, (root != null) ? root.name() : null, selection.from(),
				selection.until(), responses, selection.minimumCellSize(), selection.confidence());
	}

	private static @Nullable Interval interval(@Nullable Estimate estimate) {
		return (estimate != null) ? new Interval(estimate.estimate(), estimate.lower(), estimate.upper()) : null;
	}

	private static double percent(long count, long of) {
		return (of > 0) ? 100.0 * count / of : 0;
	}

}
