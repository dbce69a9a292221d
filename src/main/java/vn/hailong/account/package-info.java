/**
 * Staff accounts: members with a role and a unit, their passwords and API tokens, and the
 * unit scope that every staff page and endpoint checks.
 */
@NullMarked
package vn.hailong.account;

import org.jspecify.annotations.NullMarked;
