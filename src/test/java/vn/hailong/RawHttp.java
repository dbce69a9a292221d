package vn.hailong;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one HTTP/1.1 request byte for byte over a socket, for request lines that
 * {@link java.net.URI} refuses to build (a bad percent-escape), and reads the answer.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request without a body.
	 * @param port the service's port on localhost
	 * @param method the method
	 * @param target the request target, sent as it is
	 * @return the answer
	 */
	public static Answer send(int port, String method, String target) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			var bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			String text = bytes.toString(StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			int end = text.indexOf("\r\n\r\n");
			return new Answer(status, text.substring(0, Math.max(end, 0)).toLowerCase(),
					(end >= 0) ? text.substring(end + 4) : "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param headers the header block, lower case
	 * @param body the body as text
	 */
	public record Answer(int status, String headers, String body) {

		public boolean isProblem() {
			return this.headers.contains("content-type: application/problem+json");
		}

	}

}
