/**
 * Reporting periods (a year, a half-year or a quarter), shared by campaigns and plans.
 */
@NullMarked
package vn.hailong.period;

import org.jspecify.annotations.NullMarked;
