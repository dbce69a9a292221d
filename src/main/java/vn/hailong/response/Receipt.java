package vn.hailong.response;

import java.time.Instant;
import java.util.UUID;

/**
 * The acknowledgement of a stored response; a re-send of the same response gets the same
 * receipt.
 *
 * @param id the response's client-made id
 * @param campaign the campaign's id
 * @param unit the unit's code
 * @param receivedAt when the response was first stored
 * @param created whether this request stored it (false for a re-send)
 */
public record Receipt(UUID id, long campaign, String unit, Instant receivedAt, boolean created) {
}
