/**
 * Who the caller is and what they may reach: the signed-in staff member, their role and
 * the units in their scope.
 */
@NullMarked
package vn.hailong.access;

import org.jspecify.annotations.NullMarked;
