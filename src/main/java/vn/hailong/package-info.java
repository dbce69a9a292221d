/**
 * HàiLòng: satisfaction surveys for Vietnamese education offices, and the reports built
 * on them.
 */
package vn.hailong;
