/**
 * Benchmarks run by hand with {@code mvn -q -Pbenchmark verify}, never by the test suite.
 */
package vn.hailong.benchmark;
