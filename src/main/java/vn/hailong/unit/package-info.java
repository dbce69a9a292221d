/**
 * Units: the organisation tree of departments, district offices and schools.
 */
@NullMarked
package vn.hailong.unit;

import org.jspecify.annotations.NullMarked;
