/**
 * The results explorer: what respondents said, question by question, unit by unit, group
 * by group, and where to act first, over a campaign or every campaign of one template
 * version in a period, within the viewer's units.
 * {@link vn.hailong.explorer.SelectionService} turns a request's parameters into the
 * {@link vn.hailong.explorer.Selection} every view reads;
 * {@link vn.hailong.explorer.ExplorerService} gives the per-question and units-compared
 * views.
 */
@NullMarked
package vn.hailong.explorer;

import org.jspecify.annotations.NullMarked;
