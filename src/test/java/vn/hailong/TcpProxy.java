package vn.hailong;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a free local port to a server (the run's PostgreSQL), that a test
 * can cut and restore to simulate the server going away, without touching the server that
 * other tests share. Cut: every open connection is closed and new ones are refused.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	private boolean stalled;

	private volatile boolean down;

	private TcpProxy(String targetHost, int targetPort, int port) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.port = port;
	}

	/**
	 * Starts forwarding from a free port.
	 * @param targetHost the server's host
	 * @param targetPort the server's port
	 * @return the running proxy
	 */
	public static TcpProxy start(String targetHost, int targetPort) {
		try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			var proxy = new TcpProxy(targetHost, targetPort, probe.getLocalPort());
			probe.close();
			proxy.restore();
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	/**
	 * Closes every forwarded connection and closes new ones at once.
	 */
	public synchronized void cut() {
		this.down = true;
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	/**
	 * Keeps connections open but holds back every byte in both directions, as a database
	 * that no longer answers; {@link #resume()} lets them through again, nothing lost.
	 */
	public synchronized void stall() {
		this.stalled = true;
	}

	/**
	 * Forwards the bytes held back by {@link #stall()}, and all later ones.
	 */
	public synchronized void resume() {
		this.stalled = false;
		notifyAll();
	}

	private synchronized void awaitFlowing() throws InterruptedException {
		while (this.stalled) {
			wait();
		}
	}

	/**
	 * Accepts and forwards connections again.
	 */
	public synchronized void restore() {
		this.down = false;
		if (this.server != null) {
			return;
		}
		try {
			var socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
			this.server = socket;
			daemon("tcp-proxy-" + this.port, () -> accept(socket));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				if (this.down) {
					closeQuietly(client);
					continue;
				}
				Socket upstream = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// closed by cut(), or the server refused: the client sees its connection
				// end
			}
		}
	}

	private void pump(Socket from, Socket to) {
		daemon("tcp-proxy-pump", () -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					awaitFlowing();
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		});
	}

	private static void daemon(String name, Runnable work) {
		var thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public synchronized void close() {
		cut();
		try {
			if (this.server != null) {
				this.server.close();
				this.server = null;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
