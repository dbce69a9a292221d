package vn.hailong.guard;

/**
 * What the transport knows about a submission, for the guards: never stored as such.
 *
 * @param marker the browser's random marker (from its cookie), or null when there is none
 * @param clientKey the keyed hash of the client address, or null when it is unknown
 * @param honeypot the value of the hidden field that people leave empty, or null
 */
public record SubmissionContext(String marker, String clientKey, String honeypot) {

	/**
	 * Tells whether the hidden field was filled in, as only automated clients do.
	 * @return whether the honeypot holds anything but blanks
	 */
	public boolean honeypotFilled() {
		return this.honeypot != null && !this.honeypot.isBlank();
	}

}
