package vn.hailong;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of a test's own, on a free port, that the test may stop: never the
 * shared one on 6379. Runs Debian's {@code redis-server} (or
 * {@code HAILONG_TEST_REDIS_SERVER}) without persistence.
 */
public final class PrivateRedis implements AutoCloseable {

	private final int port;

	private Process process;

	private PrivateRedis(int port) {
		this.port = port;
	}

	/**
	 * Starts a server on a free port and waits until it answers.
	 * @return the running server
	 */
	public static PrivateRedis start() {
		var redis = new PrivateRedis(freePort());
		redis.startProcess();
		return redis;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Stops the server and waits until it is gone.
	 */
	public void stop() {
		if (this.process != null) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void startProcess() {
		String server = System.getenv().getOrDefault("HAILONG_TEST_REDIS_SERVER", "/usr/bin/redis-server");
		try {
			this.process = new ProcessBuilder(server, "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + server + " (Debian's redis-server package)", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!answers()) {
			if (System.nanoTime() - deadline > 0 || !this.process.isAlive()) {
				stop();
				throw new IllegalStateException("redis-server on port " + this.port + " did not start");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private boolean answers() {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(7);
			return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A TCP port nothing listens on now.
	 * @return the port
	 */
	public static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
