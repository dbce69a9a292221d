/**
 * Campaigns: a template version run for a reporting period over a set of units, from
 * draft to open to closed.
 */
@NullMarked
package vn.hailong.campaign;

import org.jspecify.annotations.NullMarked;
