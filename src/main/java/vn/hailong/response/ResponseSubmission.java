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
 */
public record ResponseSubmission(UUID id, String unit, Map<String, JsonNode> answers) {
}
