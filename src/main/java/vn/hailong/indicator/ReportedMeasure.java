package vn.hailong.indicator;

/**
 * An indicator measured by counts that units report for a period.
 *
 * @param numerator what the numerator counts, such as dossiers processed online
 * @param denominator what the denominator counts, such as all dossiers
 */
public record ReportedMeasure(String numerator, String denominator) {
}
