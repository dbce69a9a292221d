/**
 * Response intake, the hot path: validation against the template, idempotent storage, and
 * answer counts.
 */
@NullMarked
package vn.hailong.response;

import org.jspecify.annotations.NullMarked;
