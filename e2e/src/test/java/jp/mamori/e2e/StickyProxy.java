package jp.mamori.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's HAProxy on a loopback port in front of application nodes, as DESIGN.md §4 runs them: sticky sessions by a
 * cookie naming the node ({@code MAMORI_NODE}), and a health check on the login page that takes a dead node out
 * within about two seconds. Its configuration and log: {@code target/haproxy.cfg}, {@code target/haproxy.log}.
 */
final class StickyProxy implements AutoCloseable {

    static final String COOKIE = "MAMORI_NODE";

    private final int port;
    private final Process process;

    /** Starts HAProxy ({@code haproxy} from the given path) with one server per node, named by the map's keys. */
    StickyProxy(String haproxy, Map<String, AppNode> nodes) {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
        String servers = nodes.entrySet().stream()
                .map(node -> "    server " + node.getKey() + " 127.0.0.1:" + node.getValue().port()
                        + " check inter 1s fall 2 rise 2 cookie " + node.getKey())
                .collect(Collectors.joining("\n"));
        String config = """
                global
                    maxconn 200
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    option redispatch
                    retries 2
                frontend mamori
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    cookie %s insert indirect nocache httponly
                    option httpchk GET /login
                    http-check expect status 200
                %s
                """.formatted(port, COOKIE, servers);
        try {
            Path file = Path.of("target", "haproxy.cfg").toAbsolutePath();
            Files.writeString(file, config);
            process = new ProcessBuilder(haproxy, "-db", "-f", file.toString())
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "haproxy.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + haproxy, e);
        }
        waitUntilListening();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitUntilListening() {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy stopped at start-up; see target/haproxy.log");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("HAProxy did not listen on " + port + " within 20 s");
    }
}
