/**
 * The free-text answers of a campaign, for the staff who may read its units: never
 * counted, never in public results.
 */
package vn.hailong.comment;
