/**
 * The respondent's pages: the survey form, server-rendered, that works without
 * JavaScript.
 */
package vn.hailong.survey;
