/**
 * Cross-cutting concerns: configuration, error handling as RFC 9457 problem details.
 */
package vn.hailong.system;
