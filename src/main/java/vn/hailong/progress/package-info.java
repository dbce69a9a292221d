/**
 * Live progress of campaigns: responses so far against the planned sample per unit, which
 * units are behind, and a server-sent event stream that updates as responses arrive.
 */
@NullMarked
package vn.hailong.progress;

import org.jspecify.annotations.NullMarked;
