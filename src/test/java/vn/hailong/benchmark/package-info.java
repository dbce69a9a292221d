/**
 * Benchmarks run by hand with {@code mvn -q -Pbenchmark verify} (intake) and
 * {@code mvn -q -Ppage-benchmark verify} (survey page), never by the test suite.
 */
package vn.hailong.benchmark;
