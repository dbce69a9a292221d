/**
 * Ways into a survey on paper: batches of single-use invitation codes per unit, kept only
 * as hashes, each admitting one response; and the public link of each unit with its QR
 * code.
 */
@NullMarked
package vn.hailong.invitation;

import org.jspecify.annotations.NullMarked;
