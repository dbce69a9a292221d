/**
 * HàiLòng: satisfaction surveys for Vietnamese education offices, and the reports built
 * on them.
 */
@NullMarked
package vn.hailong;

import org.jspecify.annotations.NullMarked;
