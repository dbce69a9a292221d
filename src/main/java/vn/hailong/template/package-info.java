/**
 * Survey templates: the versioned YAML question sets, their model, validation and
 * catalogue.
 */
package vn.hailong.template;
