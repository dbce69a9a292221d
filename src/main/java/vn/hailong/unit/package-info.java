/**
 * Units: the organisation tree of departments, district offices and schools.
 */
package vn.hailong.unit;
