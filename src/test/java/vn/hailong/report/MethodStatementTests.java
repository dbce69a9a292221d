package vn.hailong.report;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import vn.hailong.indicator.Comparison;
import vn.hailong.indicator.ReportedMeasure;
import vn.hailong.indicator.SurveyMeasure;
import vn.hailong.indicator.SurveyMethod;
import vn.hailong.report.Report.Counted;
import vn.hailong.report.Report.Counts;
import vn.hailong.report.Report.Figure;
import vn.hailong.report.Report.IndicatorReport;
import vn.hailong.report.Report.Kind;
import vn.hailong.report.Report.Method;
import vn.hailong.report.Report.NotWeighted;
import vn.hailong.report.Report.Place;
import vn.hailong.report.Report.Treatment;
import vn.hailong.report.Report.UnitOfMeasure;
import vn.hailong.report.Report.Weighting;
import vn.hailong.statistics.IntervalMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Method statements are worded from the structured method, in the language asked for,
 * from the application's own message bundles.
 */
class MethodStatementTests {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("messages");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	private final MethodStatement vietnamese = new MethodStatement(MESSAGES, Locale.forLanguageTag("vi"));

	private final MethodStatement english = new MethodStatement(MESSAGES, Locale.ENGLISH);

	@Test
	void wordsAWeightedShareInVietnameseAndEnglish() {
		var indicator = survey(new Method(Counted.SATISFIED_ANSWERS, Weighting.POPULATION, IntervalMethod.KORN_GRAUBARD,
				false, 0.95, List.of("2025-Q1"), List.of(3L, 7L), 5));
		assertThat(this.vietnamese.of(indicator, "2025-Q1")).isEqualTo(
				"Tỷ lệ câu trả lời mức 4 hoặc 5 (hài lòng, rất hài lòng) trên câu a1 của mẫu khảo sát bao-cao (mọi phiên "
						+ "bản), trong các đợt khảo sát của kỳ 2025-Q1 (đợt số 3, 7). Có trọng số theo quy mô đơn vị "
						+ "(phân tầng theo đơn vị, hiệu chỉnh tổng thể hữu hạn); khoảng tin cậy 95% Korn–Graubard "
						+ "(Clopper–Pearson trên cỡ mẫu hiệu dụng). Đánh giá: đạt khi cả khoảng tin cậy thỏa mục tiêu, "
						+ "không đạt khi không phần nào thỏa, chưa đủ căn cứ khi khoảng tin cậy chứa mục tiêu; ô có ít hơn "
						+ "5 phiếu không được công bố.");
		assertThat(this.english.of(indicator, "2025-Q1")).startsWith(
				"Share of answers of 4 or 5 (satisfied or very satisfied) on item a1 of survey template bao-cao (every "
						+ "version), in the campaigns of 2025-Q1 (campaigns 3, 7). Weighted by unit population")
			.contains("95% Korn–Graubard (Clopper–Pearson on the effective sample size) interval.")
			.endsWith("cells with fewer than 5 responses are withheld.");
	}

	@Test
	void wordsAnUnweightedLinearisedShareAtAFractionalLevel() {
		var indicator = survey(new Method(Counted.SATISFIED_ANSWERS, Weighting.NONE, IntervalMethod.WILSON, true, 0.975,
				List.of("2025"), List.of(), 5));
		assertThat(this.vietnamese.of(indicator, "2025")).contains("kỳ 2025. Không trọng số",
				"phương sai tuyến tính hóa theo người trả lời", "khoảng tin cậy 97,5% Wilson trên cỡ mẫu hiệu dụng.");
		assertThat(this.english.of(indicator, "2025")).contains("97.5% Wilson score (on the effective sample size)");
	}

	@Test
	void namesTheUnitsThatCouldNotBeWeightedAndWhatWasDone() {
		var leftOut = survey(new Method(Counted.SATISFIED_ANSWERS, Weighting.POPULATION, IntervalMethod.KORN_GRAUBARD,
				false, 0.95, List.of("2025"), List.of(), 5,
				new NotWeighted(List.of("TH-A", "TH-B"), Treatment.LEFT_OUT_OF_WEIGHTED)));
		assertThat(this.english.of(leftOut, "2025")).contains("Weighted by unit population",
				"units without a population figure (TH-A, TH-B) are left out of the weighted figure, which the "
						+ "verdict reads, and counted only in the unweighted figure;");
		assertThat(this.vietnamese.of(leftOut, "2025")).contains("đơn vị chưa có số liệu quy mô (TH-A, TH-B)");
		var pooled = survey(new Method(Counted.SATISFIED_ANSWERS, Weighting.NONE, IntervalMethod.WILSON, false, 0.95,
				List.of("2025"), List.of(), 5, new NotWeighted(List.of("TH-A"), Treatment.POOLED_UNWEIGHTED)));
		assertThat(this.english.of(pooled, "2025")).contains("Unweighted (no unit has a population figure);",
				"units without a population figure: TH-A; every response is pooled without weights and the verdict "
						+ "reads the unweighted figure;");
	}

	@Test
	void namesEveryTemplateOfAnIndicatorOverSeveral() {
		var indicator = new IndicatorReport("9", "Hài lòng của cha mẹ", Kind.SURVEY, Comparison.AT_LEAST, 90.0, "90",
				UnitOfMeasure.PERCENT,
				new SurveyMeasure(List.of("phu-huynh-mam-non", "phu-huynh-tieu-hoc", "phu-huynh-trung-hoc"), null, null,
						SurveyMethod.SATISFIED_ANSWERS),
				null, figure(), null, List.of(), new Method(Counted.SATISFIED_ANSWERS, Weighting.POPULATION,
						IntervalMethod.KORN_GRAUBARD, true, 0.95, List.of("2025-Q1"), List.of(3L, 7L), 5));
		assertThat(this.vietnamese.of(indicator, "2025-Q1")).contains(
				"của các mẫu khảo sát phu-huynh-mam-non, phu-huynh-tieu-hoc, phu-huynh-trung-hoc (mọi phiên bản; các "
						+ "đợt khảo sát của mọi mẫu được gộp lại, mỗi đợt tính một lần)");
		assertThat(this.english.of(indicator, "2025-Q1"))
			.contains("of the survey templates phu-huynh-mam-non, phu-huynh-tieu-hoc, phu-huynh-trung-hoc (every "
					+ "version; the campaigns of all of them pooled, each counted once)");
	}

	@Test
	void wordsAFactorMeanWeightedByUnitPopulationOrPooled() {
		var measure = new SurveyMeasure("sipas-tthc-giao-duc", null, null, SurveyMethod.FACTOR_MEAN);
		var weighted = new IndicatorReport("4", "SIPAS", Kind.SURVEY, Comparison.AT_LEAST, 95.0, "95",
				UnitOfMeasure.PERCENT, measure, null, figure(), null, List.of(), new Method(Counted.FACTOR_MEAN,
						Weighting.POPULATION, IntervalMethod.KORN_GRAUBARD, true, 0.95, List.of("2025"), List.of(), 5));
		assertThat(this.english.of(weighted, "2025")).contains("Weighted by unit population",
				"Korn–Graubard (Clopper–Pearson on the effective sample size)");
		var pooled = new IndicatorReport("4", "SIPAS", Kind.SURVEY, Comparison.AT_LEAST, 95.0, "95",
				UnitOfMeasure.PERCENT, measure, null, figure(), null, List.of(), new Method(Counted.FACTOR_MEAN,
						Weighting.NONE, IntervalMethod.WILSON, true, 0.95, List.of("2025"), List.of(), 5));
		assertThat(this.vietnamese.of(pooled, "2025")).contains("Không trọng số theo quy mô đơn vị");
	}

	@Test
	void saysWhenThereAreNoResponsesYet() {
		var indicator = survey(
				new Method(Counted.MEAN_INDEX, null, null, false, 0.95, List.of("2025"), List.of(4L), 5));
		assertThat(this.vietnamese.of(indicator, "2025")).endsWith("(đợt số 4). Chưa có phiếu trả lời.");
		assertThat(this.english.of(indicator, "2025")).startsWith("Mean of the respondents' own averages")
			.endsWith("No responses yet.");
	}

	@Test
	void wordsACompleteCount() {
		var indicator = new IndicatorReport("r1", "Hồ sơ", Kind.REPORTED, Comparison.AT_LEAST, 90.0, "90",
				UnitOfMeasure.PERCENT, null, new ReportedMeasure("Hồ sơ trực tuyến", "Tổng số hồ sơ"), figure(), null,
				List.of(), new Method(Counted.REPORTED_RATIO, null, null, false, 0.95,
						List.of("2025-Q1", "2025-H1", "2025"), List.of(), 5));
		assertThat(this.vietnamese.of(indicator, "2025")).startsWith(
				"Số đếm đầy đủ: tổng các tử số chia cho tổng các mẫu số mà đơn vị báo cáo cho các kỳ nằm trong 2025 "
						+ "(Hồ sơ trực tuyến ÷ Tổng số hồ sơ)");
		assertThat(this.english.of(indicator, "2025")).startsWith("Complete count:");
	}

	private static IndicatorReport survey(Method method) {
		return new IndicatorReport("4", "Hài lòng", Kind.SURVEY, Comparison.AT_LEAST, 70.0, "70",
				(method.counted() == Counted.MEAN_INDEX) ? UnitOfMeasure.POINTS : UnitOfMeasure.PERCENT,
				new SurveyMeasure("bao-cao", null, "a1", SurveyMethod.SATISFIED_ANSWERS), null, figure(), null,
				List.of(), method);
	}

	private static Figure figure() {
		return new Figure(new Place(null, null, null, 0), false, new Counts(0L, null, null, null, null), null, null,
				Report.Judgement.NO_DATA);
	}

}
