/**
 * Reporting periods (a year, a half-year or a quarter), shared by campaigns and plans.
 */
package vn.hailong.period;
