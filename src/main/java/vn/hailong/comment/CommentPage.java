package vn.hailong.comment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of a campaign's free-text answers, newest first.
 *
 * @param campaign the campaign's id
 * @param name the campaign's name
 * @param unit the code of the unit the answers are limited to, or null for every unit the
 * reader may see
 * @param page the page's number, from 1
 * @param size the most answers on a page
 * @param total the answers on all pages
 * @param pages the number of pages, at least 1
 * @param comments the answers on this page
 * @param units the units the reader may see in this campaign, which the answers can be
 * limited to
 */
public record CommentPage(long campaign, String name, @JsonInclude(JsonInclude.Include.ALWAYS) String unit, int page,
		int size, long total, int pages, List<Comment> comments, List<UnitName> units) {

	public CommentPage {
		comments = List.copyOf(comments);
		units = List.copyOf(units);
	}

	/**
	 * A unit the answers can be limited to.
	 *
	 * @param code the unit's code
	 * @param name the unit's name
	 */
	public record UnitName(String code, String name) {
	}

}
