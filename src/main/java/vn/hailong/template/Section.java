package vn.hailong.template;

import java.util.List;

/**
 * A group of items about one aspect of the service, such as the SIPAS factor "access to
 * the service".
 *
 * @param code the section's code, unique within its template
 * @param title the section's title
 * @param items the section's items, in order
 */
public record Section(String code, LocalizedText title, List<Item> items) {

	public Section {
		items = List.copyOf(items);
	}

}
