/**
 * Response intake, the hot path: validation against the template, idempotent storage, and
 * answer counts.
 */
package vn.hailong.response;
