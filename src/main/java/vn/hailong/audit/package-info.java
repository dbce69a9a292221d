/**
 * The audit log: who created, opened, closed or changed campaigns, plans, units, users
 * and reported figures, and when.
 */
package vn.hailong.audit;
