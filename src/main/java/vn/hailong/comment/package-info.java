/**
 * The free-text answers of a campaign, for the staff who may read its units: never
 * counted, never in public results.
 */
@NullMarked
package vn.hailong.comment;

import org.jspecify.annotations.NullMarked;
