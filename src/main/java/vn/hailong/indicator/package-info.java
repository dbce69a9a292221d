/**
 * Reform plans, their target indicators, and the figures units report for them.
 */
package vn.hailong.indicator;
