package vn.hailong.explorer;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import vn.hailong.template.LocalizedText;

/**
 * A page of a selection's free-text answers, newest first, with how many answers each
 * word list matches.
 *
 * @param covered what the selection covers
 * @param search what narrows it
 * @param paging the page and the counts
 * @param texts the answers on this page
 * @param wordLists each shipped word list with the answers it matches in the selection
 * (narrowed by the answer filter, not by the search)
 * @param filters the items whose answer can narrow the texts, with their values
 */
public record TextPage(Covered covered, Search search, Paging paging, List<TextAnswer> texts,
		List<WordListCount> wordLists, List<FilterItem> filters) {

	public TextPage {
		texts = List.copyOf(texts);
		wordLists = List.copyOf(wordLists);
		filters = List.copyOf(filters);
	}

	/**
	 * What the selection covers.
	 *
	 * @param campaigns the campaigns' ids
	 * @param template the template's code
	 * @param version its version
	 * @param unit the code of the subtree's top unit, or null for every unit the reader
	 * may read
	 */
	public record Covered(List<Long> campaigns, String template, int version,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String unit) {

		public Covered {
			campaigns = List.copyOf(campaigns);
		}

	}

	/**
	 * What narrows the texts.
	 *
	 * @param q the words searched for (accents and case ignored), or null
	 * @param item the item whose answer filters the responses, or null
	 * @param value the answer it must have, or null
	 */
	public record Search(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String q,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String item,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String value) {
	}

	/**
	 * The page and the counts.
	 *
	 * @param page the page's number, from 1
	 * @param size the most answers on a page, 1 to 200
	 * @param answers the free-text answers in the selection after the answer filter
	 * @param total those of them that contain the search (all when there is none)
	 * @param pages the number of pages of {@code total}, at least 1
	 */
	public record Paging(int page, int size, long answers, long total, int pages) {
	}

	/**
	 * One free-text answer.
	 *
	 * @param unit the unit's code
	 * @param unitName the unit's name
	 * @param item the text item's code
	 * @param question the item's text
	 * @param text what the respondent wrote, as written: escape it when showing it
	 * @param submitted the day the response arrived, in Viet Nam (not the time)
	 */
	public record TextAnswer(String unit, String unitName, String item, LocalizedText question, String text,
			LocalDate submitted) {
	}

	/**
	 * A word list and the answers it matches.
	 *
	 * @param code the list's code
	 * @param name its name
	 * @param phrases its words and phrases
	 * @param answers the answers containing at least one of them as whole words
	 */
	public record WordListCount(String code, LocalizedText name, List<String> phrases, long answers) {

		public WordListCount {
			phrases = List.copyOf(phrases);
		}

	}

	/**
	 * An item whose answer can narrow the texts.
	 *
	 * @param code the item's code
	 * @param text its text
	 * @param values the values it can take, with their labels
	 */
	public record FilterItem(String code, LocalizedText text, List<FilterValue> values) {

		public FilterItem {
			values = List.copyOf(values);
		}

	}

	/**
	 * A value of a filtering item.
	 *
	 * @param value the stored value
	 * @param label its label
	 */
	public record FilterValue(String value, LocalizedText label) {
	}

}
