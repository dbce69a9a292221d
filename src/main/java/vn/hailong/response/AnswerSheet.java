package vn.hailong.response;

import java.util.List;

/**
 * A response's answers after validation, in canonical form, ready to store.
 *
 * @param counted one entry per counted value: scale point, yes/no, option, number
 * @param texts the free-text answers
 * @param contentHash SHA-256 of the canonical content, to recognise a re-send
 */
record AnswerSheet(List<CountedValue> counted, List<FreeText> texts, byte[] contentHash) {

	/**
	 * One counted value of an item.
	 *
	 * @param item the item's code
	 * @param value the canonical value: {@code 1}..{@code 5}, {@code yes}/{@code no}, an
	 * option code, a number
	 * @param position 0 for the first value of the item, 1.. for further options of a
	 * multiple choice
	 */
	record CountedValue(String item, String value, int position) {
	}

	/**
	 * A free-text answer.
	 *
	 * @param item the item's code
	 * @param text the trimmed text
	 */
	record FreeText(String item, String text) {
	}

}
