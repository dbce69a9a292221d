/**
 * Who the caller is and what they may reach: the signed-in staff member, their role and
 * the units in their scope.
 */
package vn.hailong.access;
