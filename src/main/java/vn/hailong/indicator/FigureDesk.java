package vn.hailong.indicator;

import java.util.List;
import java.util.Set;

/**
 * Where one member enters a plan's figures.
 *
 * @param plan the plan
 * @param indicators its indicators reported as figures (not by survey), in plan order
 * @param units the codes of the units within the plan's scope the member manages
 * @param unit the unit figures are entered for: the one asked for, else the first the
 * member manages in tree order
 */
public record FigureDesk(Plan plan, List<Indicator> indicators, Set<String> units, String unit) {

}
