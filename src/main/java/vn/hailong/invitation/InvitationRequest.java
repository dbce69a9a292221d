package vn.hailong.invitation;

/**
 * A request for a batch of invitation codes.
 *
 * @param unit the code of a unit the campaign surveys
 * @param count how many codes, 1 to {@value InvitationService#MAX_BATCH}
 */
record InvitationRequest(String unit, Integer count) {
}
