/**
 * Cross-cutting concerns: configuration, error handling as RFC 9457 problem details.
 */
@NullMarked
package vn.hailong.system;

import org.jspecify.annotations.NullMarked;
