package tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ceiling of {@link StatsBench}: the least an HTTP server can do on this machine to answer {@code /api/stats},
 * which is to write the same bytes (headers and body, read from a file) for every request it reads, on one
 * event-loop thread per core as Vert.x does (SO_REUSEPORT spreads the connections). Run as a process of its own by
 * StatsBench, so its CPU time is measured like the query service's:
 * <pre>
 * java -cp ... tools.StatsCeiling ANSWER_FILE   (prints its port, then serves until killed)
 * </pre>
 */
public final class StatsCeiling {

    /** Its event loops' thread names start with this, so their CPU time is told apart from the JIT's. */
    static final String LOOP_THREAD = "ceiling-loop-";

    private StatsCeiling() {
    }

    public static void main(String[] args) throws IOException {
        byte[] answer = Files.readAllBytes(Path.of(args[0]));
        int loops = Runtime.getRuntime().availableProcessors();
        int port = 0;
        for (int i = 0; i < loops; i++) {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            server.bind(new InetSocketAddress("127.0.0.1", port), 1024);
            port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            Thread loop = new Thread(() -> serve(server, answer), LOOP_THREAD + i);
            loop.start();
        }
        System.out.println(port);
        System.out.flush();
    }

    private static void serve(ServerSocketChannel server, byte[] answer) {
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        ByteBuffer out = ByteBuffer.allocateDirect(answer.length);
        out.put(answer).flip();
        try (Selector selector = Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) {
                        SocketChannel client = server.accept();
                        if (client != null) {
                            client.configureBlocking(false);
                            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                            client.register(selector, SelectionKey.OP_READ, new int[1]);
                        }
                        continue;
                    }
                    SocketChannel client = (SocketChannel) key.channel();
                    in.clear();
                    int read = client.read(in);
                    if (read < 0) {
                        key.cancel();
                        client.close();
                        continue;
                    }
                    // one answer per request end (CRLF CRLF) read; the state carries a match across reads
                    int[] matched = (int[]) key.attachment();
                    for (int i = 0; i < read; i++) {
                        byte b = in.get(i);
                        matched[0] = b == (matched[0] % 2 == 0 ? '\r' : '\n') ? matched[0] + 1 : b == '\r' ? 1 : 0;
                        if (matched[0] == 4) {
                            matched[0] = 0;
                            out.rewind();
                            while (out.hasRemaining()) {
                                client.write(out);
                            }
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            System.err.println("ceiling: " + e);
            System.exit(1);
        }
    }
}
