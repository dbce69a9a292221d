/**
 * Tests and benchmarks of several instances of the service side by side: shared sessions,
 * limits and live progress, and reads from a replica.
 */
package vn.hailong.scale;
