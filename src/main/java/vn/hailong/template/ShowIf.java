package vn.hailong.template;

import java.util.List;

/**
 * A condition on an earlier item's answer that decides whether an item is shown.
 *
 * @param item the code of an item placed before the conditional one
 * @param values the answer values (canonical tokens) any of which shows the item
 */
public record ShowIf(String item, List<String> values) {

	public ShowIf {
		values = List.copyOf(values);
	}

}
