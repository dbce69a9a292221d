/**
 * The plan report: every indicator against its target, with its interval, verdict, trend
 * and breakdown through the unit tree, as JSON, CSV and XLSX.
 */
@NullMarked
package vn.hailong.report;

import org.jspecify.annotations.NullMarked;
