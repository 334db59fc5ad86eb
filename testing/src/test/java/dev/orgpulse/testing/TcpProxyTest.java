package dev.orgpulse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TcpProxyTest {

    @Test
    void forwardsUntilCutTurnsConnectionsAwayWhileCutAndForwardsAgainWhenRestored() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                TcpProxy proxy = TcpProxy.to("127.0.0.1", server.getLocalPort())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread echo = new Thread(() -> echo(server, accepted), "echo");
            echo.setDaemon(true);
            echo.start();

            try (Socket connection = new Socket("127.0.0.1", proxy.port())) {
                assertEquals("hello", roundTrip(connection, "hello"));
                proxy.cut();
                // the connection through the proxy is closed: the read sees its end
                assertEquals(-1, connection.getInputStream().read());
            }
            // turned away: closed as soon as it arrives, without reaching the server
            try (Socket turnedAway = new Socket("127.0.0.1", proxy.port())) {
                assertEquals(-1, turnedAway.getInputStream().read());
            } catch (SocketException reset) {
                // closed before the read: as good
            }
            assertEquals(1, accepted.get(), "connections that reached the server");

            proxy.restore();
            try (Socket connection = new Socket("127.0.0.1", proxy.port())) {
                assertEquals("again", roundTrip(connection, "again"));
            }
        }
    }

    private static String roundTrip(Socket connection, String text) throws IOException {
        connection.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        InputStream in = connection.getInputStream();
        return new String(in.readNBytes(text.length()), StandardCharsets.UTF_8);
    }

    /** Echoes every connection's bytes back, each connection on a thread of its own. */
    private static void echo(ServerSocket server, AtomicInteger accepted) {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                accepted.incrementAndGet();
                Thread copy = new Thread(() -> {
                    try (connection) {
                        connection.getInputStream().transferTo(connection.getOutputStream());
                    } catch (IOException closed) {
                        // the proxy closed it
                    }
                }, "echo-connection");
                copy.setDaemon(true);
                copy.start();
            } catch (IOException closed) {
                // the test is over
            }
        }
    }
}
