/**
 * The respondent's pages: the survey form, server-rendered, that works without
 * JavaScript, and the script and service worker that make it work section by section,
 * resume after a reload and send once the network returns.
 */
@NullMarked
package vn.hailong.survey;

import org.jspecify.annotations.NullMarked;
