package vn.hailong.response;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A response as sent by a client.
 *
 * @param id the client-made UUID, the same on every re-send
 * @param unit the surveyed unit's code
 * @param answers the answers by item code
 * @param code the invitation code, required by an invitation campaign, ignored by a
 * public one
 */
public record ResponseSubmission(UUID id, String unit, Map<String, JsonNode> answers, String code) {

	/**
	 * A response without an invitation code.
	 * @param id the client-made UUID
	 * @param unit the surveyed unit's code
	 * @param answers the answers by item code
	 */
	public ResponseSubmission(UUID id, String unit, Map<String, JsonNode> answers) {
		this(id, unit, answers, null);
	}

}
