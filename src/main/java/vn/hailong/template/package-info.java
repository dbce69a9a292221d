/**
 * Survey templates: the versioned YAML question sets, their model, validation and
 * catalogue.
 */
@NullMarked
package vn.hailong.template;

import org.jspecify.annotations.NullMarked;
