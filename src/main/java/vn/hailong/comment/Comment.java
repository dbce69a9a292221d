package vn.hailong.comment;

import java.time.Instant;

/**
 * One free-text answer.
 *
 * @param unit the unit's code
 * @param unitName the unit's name
 * @param item the item's code
 * @param question the item's text, in Vietnamese
 * @param text what the respondent wrote, as written: escape it when showing it
 * @param receivedAt when the response was stored
 */
public record Comment(String unit, String unitName, String item, String question, String text, Instant receivedAt) {
}
