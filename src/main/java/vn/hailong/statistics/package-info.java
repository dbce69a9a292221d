/**
 * Survey statistics on sufficient statistics: proportions and means with their confidence
 * intervals, differences between periods, population-weighted estimates over units,
 * sample sizes and scale reliability; pure functions on the JDK and Commons Math, free of
 * Spring and of the database.
 *
 * <p>
 * Every aggregate ({@link vn.hailong.statistics.ProportionCounts},
 * {@link vn.hailong.statistics.Moments},
 * {@link vn.hailong.statistics.ReliabilitySummary}) can be computed per unit where the
 * data is and merged afterwards; every result record holds finite numbers only, whatever
 * the input, with the behaviour on empty and degenerate input documented on each method.
 */
@NullMarked
package vn.hailong.statistics;

import org.jspecify.annotations.NullMarked;
