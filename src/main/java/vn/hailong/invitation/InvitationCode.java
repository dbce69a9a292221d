package vn.hailong.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A single-use invitation code: ten characters from an alphabet of 32 without the
 * look-alikes 0, O, 1 and I (50 random bits), written in two groups of five for paper,
 * such as {@code K7QM2-XT9HD}.
 *
 * @param value the ten characters, upper case, without the group separator
 */
public record InvitationCode(String value) {

	static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	static final int LENGTH = 10;

	public InvitationCode {
		if (value == null || value.length() != LENGTH || !value.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			throw new IllegalArgumentException("An invitation code has " + LENGTH + " characters of " + ALPHABET);
		}
	}

	/**
	 * Reads a code as a person may type it: any case, with or without spaces and hyphens.
	 * @param typed the text, may be null
	 * @return the code, or empty when the text is not a well-formed code
	 */
	public static Optional<InvitationCode> parse(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String value = typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
		if (value.length() != LENGTH || !value.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(new InvitationCode(value));
	}

	static InvitationCode random(SecureRandom random) {
		var value = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return new InvitationCode(value.toString());
	}

	/**
	 * Returns the code as printed, in two groups of five.
	 * @return such as {@code K7QM2-XT9HD}
	 */
	public String grouped() {
		return this.value.substring(0, 5) + "-" + this.value.substring(5);
	}

	/**
	 * Returns what the database keeps of the code.
	 * @return the SHA-256 of its ten characters
	 */
	public byte[] hash() {
		try {
			return MessageDigest.getInstance("SHA-256").digest(this.value.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return grouped();
	}

}
