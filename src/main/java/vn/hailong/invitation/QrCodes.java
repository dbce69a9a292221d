package vn.hailong.invitation;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * Draws QR codes as inline SVG, one path of dark modules, for pages that print sharply at
 * any size.
 */
final class QrCodes {

	private static final int QUIET_ZONE = 4;

	private QrCodes() {
	}

	/**
	 * Encodes a text, with error correction level M and the standard four-module quiet
	 * zone.
	 * @param text the text, such as a link
	 * @return an {@code <svg>} element scaled by its container
	 */
	static String svg(String text) {
		ByteMatrix matrix;
		try {
			matrix = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode as a QR code: " + text, ex);
		}
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
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\" aria-hidden=\"true\"><rect width=\"" + size + "\" height=\"" + size
				+ "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
	}

}
