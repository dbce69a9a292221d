/**
 * The audit log: who created, opened, closed or changed campaigns, plans, units, users
 * and reported figures, and when.
 */
@NullMarked
package vn.hailong.audit;

import org.jspecify.annotations.NullMarked;
