package dev.orgpulse.testing;

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
 * A TCP proxy on a local port of its own to one server (PostgreSQL, say), that a test can take down: {@link #cut()}
 * closes every connection through it, and until {@link #restore()} every new connection is closed as soon as it
 * arrives, never reaching the server, as by a server that went away. The port itself stays open: closed, an ephemeral
 * port can be taken by anything else on the machine in the meantime. The server itself is never touched: other
 * clients of it (other tests, other services) see nothing.
 */
public final class TcpProxy implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final int port;
    private final ServerSocket listener;
    private boolean cut;

    private TcpProxy(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
        this.port = listener.getLocalPort();
        acceptOn(listener);
    }

    /** A proxy to {@code host:port}, listening on a free loopback port. */
    public static TcpProxy to(String host, int port) {
        try {
            return new TcpProxy(new InetSocketAddress(host, port), new ServerSocket(0, 50, LOOPBACK));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a port for the proxy", e);
        }
    }

    /** The port clients connect to instead of the server's. */
    public int port() {
        return port;
    }

    /** Closes every connection through the proxy and turns new ones away until {@link #restore()}. */
    public synchronized void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Lets connections through to the server again. */
    public synchronized void restore() {
        cut = false;
    }

    private void acceptOn(ServerSocket socket) {
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    if (isCut()) {
                        closeQuietly(client);
                    } else {
                        connect(client);
                    }
                } catch (IOException closedOrFailed) {
                    // close() closed the port; a failed connect was closed in connect()
                }
            }
        }, "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void connect(Socket client) throws IOException {
        open.add(client);
        if (isCut()) {
            // cut() ran between the accept and here: it may not have seen this connection
            closeQuietly(client);
            return;
        }
        Socket server = new Socket();
        open.add(server);
        try {
            server.connect(target, 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            throw e;
        }
        pump(client, server);
        pump(server, client);
    }

    /** Copies one direction until either side closes; then closes both, as a cut connection would be. */
    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException connectionOver) {
                // one side, or cut(), closed the connection
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable socket) {
        try {
            socket.close();
        } catch (Exception alreadyGone) {
            // closing is all that was wanted
        }
    }

    private synchronized boolean isCut() {
        return cut;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
    }
}
