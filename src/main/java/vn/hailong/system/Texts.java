package vn.hailong.system;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one gate all text passes on its way in (JSON fields and trees, form fields, CSV and
 * YAML uploads): text that PostgreSQL cannot store is refused, never altered, and
 * Vietnamese typed in decomposed form (NFD) is stored composed (NFC).
 *
 * <p>
 * Refused: the NUL character U+0000 (PostgreSQL's {@code text} cannot hold it) and a lone
 * UTF-16 surrogate (it has no UTF-8 form; the driver would store {@code ?}). Bytes that
 * are not valid UTF-8 are refused with a hint on how to save a spreadsheet as "CSV
 * UTF-8".
 */
public final class Texts {

	/** The field problem code of text that cannot be stored. */
	public static final String INVALID_TEXT = "invalid_text";

	/** The field problem code of bytes that are not UTF-8. */
	public static final String NOT_UTF8 = "not_utf8";

	private Texts() {
	}

	/**
	 * Tells why a text cannot be stored.
	 * @param text the text, or {@code null}
	 * @return the reason, or {@code null} when it can be stored as it is
	 */
	public static @Nullable String unstorable(@Nullable String text) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return "contains the NUL character (U+0000) at position " + i + ", which cannot be stored";
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return "contains a lone UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase() + ") at position "
						+ i + ", which is not a character";
			}
			if (Character.isLowSurrogate(c)) {
				return "contains a lone UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase() + ") at position "
						+ i + ", which is not a character";
			}
		}
		return null;
	}

	/**
	 * Puts a storable text in Unicode normal form C.
	 * @param text the text, or {@code null}
	 * @return the composed text; {@code null} for {@code null}
	 */
	public static @Nullable String normalize(@Nullable String text) {
		if (text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
			return text;
		}
		return Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	/**
	 * Checks a field's text.
	 * @param field the field's name in the request
	 * @param text the text, or {@code null}
	 * @return the problem, or {@code null} when the text can be stored
	 */
	public static @Nullable FieldProblem check(String field, @Nullable String text) {
		String why = unstorable(text);
		return (why != null) ? new FieldProblem(field, INVALID_TEXT, why) : null;
	}

	/**
	 * Returns a field's text in normal form C, or refuses it.
	 * @param field the field's name in the request
	 * @param text the text, or {@code null}
	 * @return the composed text; {@code null} for {@code null}
	 * @throws ApiException {@code invalid-request} naming the field with
	 * {@code invalid_text}
	 */
	public static @Nullable String require(String field, @Nullable String text) {
		FieldProblem problem = check(field, text);
		if (problem != null) {
			throw ApiException.invalid(List.of(problem));
		}
		return normalize(text);
	}

	/**
	 * Decodes an uploaded text strictly as UTF-8 (a byte-order mark is dropped), refuses
	 * what cannot be stored and composes it (NFC).
	 * @param bytes the bytes as received
	 * @param field the field's name in the request, such as {@code body} or {@code file}
	 * @return the text
	 * @throws ApiException {@code invalid-encoding} (field code {@code not_utf8}) when
	 * the bytes are not UTF-8, such as a CSV saved by Excel in Windows-1258; or
	 * {@code invalid-request} with {@code invalid_text}
	 */
	public static String decodeUtf8(byte[] bytes, String field) {
		String text;
		try {
			text = strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			int at = firstInvalidByte(bytes);
			throw ApiException.problem(ProblemType.INVALID_ENCODING,
					"The text is not UTF-8 (byte " + at + " cannot be read). Save the file as \"CSV UTF-8\": in Excel, "
							+ "File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\"; in LibreOffice, "
							+ "tick \"Edit filter settings\" and choose the character set Unicode (UTF-8).",
					List.of(new FieldProblem(field, NOT_UTF8, "byte " + at + " (0x"
							+ String.format("%02X", bytes[at] & 0xff) + ") is not UTF-8: save the file as CSV UTF-8")));
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return require(field, text);
	}

	/**
	 * Tells whether bytes are valid UTF-8.
	 * @param bytes the bytes
	 * @return whether a strict decoder reads them
	 */
	public static boolean isUtf8(byte[] bytes) {
		try {
			strictDecoder().decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static CharsetDecoder strictDecoder() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	private static int firstInvalidByte(byte[] bytes) {
		var decoder = strictDecoder();
		ByteBuffer in = ByteBuffer.wrap(bytes);
		var out = java.nio.CharBuffer.allocate(bytes.length + 1);
		var result = decoder.decode(in, out, true);
		if (result.isError()) {
			return Math.min(in.position(), bytes.length - 1);
		}
		return Math.max(0, Math.min(in.position(), bytes.length - 1));
	}

}
