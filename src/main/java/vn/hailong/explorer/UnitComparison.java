package vn.hailong.explorer;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import org.jspecify.annotations.Nullable;

import vn.hailong.explorer.QuestionResults.Interval;
import vn.hailong.explorer.QuestionResults.Scope;
import vn.hailong.template.LocalizedText;

/**
 * Units compared on one 5-point item or one aspect: the body of
 * {@code GET /api/v1/explorer/units}. The units are the direct children of the unit at
 * the top of the selection (a province's districts, a district's schools), each figure
 * pooling the unit's whole subtree, as the report rolls up; they are compared with the
 * top unit's own figure, which pools them all.
 *
 * @param selection what was counted
 * @param item the item compared, or null for an aspect
 * @param section the aspect compared, or the item's section
 * @param text the item's text or the aspect's title
 * @param statistic what is estimated
 * @param parent the top unit's figure (every unit of the selection pooled)
 * @param units the units with respondents, sorted by estimate from highest to lowest
 * (ties by code), withheld units last in code order
 */
public record UnitComparison(Scope selection, @Nullable String item, String section, LocalizedText text,
		Statistic statistic, UnitFigure parent, List<UnitFigure> units) {

	/** What a comparison estimates. */
	public enum Statistic {

		/**
		 * The share of answers of 4 or 5, percent: Wilson for one item, the ratio with
		 * its variance linearised over respondents for an aspect (the report's
		 * {@code satisfied-answers}).
		 */
		SHARE,

		/**
		 * The mean index {@code 25·(x̄ − 1)} of the respondents' own averages, 0–100,
		 * with its Student t interval (the report's {@code mean-index}).
		 */
		INDEX;

		@JsonValue
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** Where a unit's interval lies against the parent's figure. */
	public enum Position {

		/** Wholly above it. */
		ABOVE,

		/** It contains the parent's figure. */
		WITHIN,

		/** Wholly below it. */
		BELOW;

		@JsonValue
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One unit's figure.
	 *
	 * @param unit the unit's code, or null for every unit (an administrator's whole
	 * country)
	 * @param name its name, or null
	 * @param respondents the respondents in its subtree
	 * @param withheld whether the figure is withheld (fewer respondents than the minimum
	 * cell size, or the one that would let a withheld one be worked out from the parent)
	 * @param estimate the estimate with its interval; null when withheld
	 * @param position where its interval lies against the parent's figure; null for the
	 * parent and when withheld
	 */
	public record UnitFigure(@Nullable String unit, @Nullable String name, long respondents, boolean withheld,
			@Nullable Interval estimate, @Nullable Position position) {
	}

}
