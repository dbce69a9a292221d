/**
 * Reform plans, their target indicators, and the figures units report for them.
 */
@NullMarked
package vn.hailong.indicator;

import org.jspecify.annotations.NullMarked;
