package vn.hailong.invitation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * Draws QR codes: as SVG, one path of dark modules, for pages and files that print
 * sharply at any size, and as PNG images for programs that take only bitmaps.
 */
public final class QrCodes {

	/** The smallest PNG size, in pixels. */
	public static final int MIN_PNG_SIZE = 128;

	/** The largest PNG size, in pixels. */
	public static final int MAX_PNG_SIZE = 2048;

	private static final int QUIET_ZONE = 4;

	private QrCodes() {
	}

	/**
	 * Encodes a text as an inline SVG element, with error correction level M and the
	 * standard four-module quiet zone.
	 * @param text the text, such as a link
	 * @return an {@code <svg>} element scaled by its container
	 */
	public static String svg(String text) {
		return svg(matrix(text), " class=\"qr\"", " aria-hidden=\"true\"");
	}

	/**
	 * Encodes a text as a standalone SVG file, as {@link #svg(String)} draws it, with a
	 * nominal size for programs that need one.
	 * @param text the text, such as a link
	 * @param size the nominal width and height, in pixels
	 * @return a well-formed SVG document with an XML declaration
	 */
	public static String svgDocument(String text, int size) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ svg(matrix(text), " width=\"" + size + "\" height=\"" + size + "\"", "") + "\n";
	}

	/**
	 * Encodes a text as a black and white PNG image of exactly {@code size} pixels
	 * square: each module a whole number of pixels, the code centred, at least the
	 * standard four-module quiet zone around it.
	 * @param text the text, such as a link
	 * @param size the width and height in pixels, from {@value #MIN_PNG_SIZE} to
	 * {@value #MAX_PNG_SIZE}
	 * @return the PNG file's bytes
	 * @throws IllegalArgumentException if the size is out of range or the text too long
	 */
	public static byte[] png(String text, int size) {
		if (size < MIN_PNG_SIZE || size > MAX_PNG_SIZE) {
			throw new IllegalArgumentException(
					"size must be from " + MIN_PNG_SIZE + " to " + MAX_PNG_SIZE + " pixels, not " + size);
		}
		ByteMatrix matrix = matrix(text);
		int modules = matrix.getWidth() + 2 * QUIET_ZONE;
		int scale = Math.max(1, size / modules);
		int offset = (size - matrix.getWidth() * scale) / 2;
		var image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		var graphics = image.createGraphics();
		try {
			graphics.setColor(java.awt.Color.WHITE);
			graphics.fillRect(0, 0, size, size);
			graphics.setColor(java.awt.Color.BLACK);
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y) == 1) {
						graphics.fillRect(offset + x * scale, offset + y * scale, scale, scale);
					}
				}
			}
		}
		finally {
			graphics.dispose();
		}
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static ByteMatrix matrix(String text) {
		try {
			return Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode as a QR code: " + text, ex);
		}
	}

	private static String svg(ByteMatrix matrix, String sizeAttributes, String extraAttributes) {
		int size = matrix.getWidth() + 2 * QUIET_ZONE;
		var path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			int x = 0;
			while (x < matrix.getWidth()) {
				if (matrix.get(x, y) != 1) {
					x++;
					continue;
				}
				int start = x;
				while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
					x++;
				}
				path.append('M')
					.append(start + QUIET_ZONE)
					.append(' ')
					.append(y + QUIET_ZONE)
					.append('h')
					.append(x - start)
					.append("v1h-")
					.append(x - start)
					.append('z');
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\"" + sizeAttributes + " viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\"" + extraAttributes + "><rect width=\"" + size + "\" height=\""
				+ size + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
	}

}
