package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node for the fault journeys: the packaged jar as a process the test starts, kills with SIGKILL and
 * starts again on the same port and database (its log, across restarts: {@code target/fault-<name>.log}).
 */
final class AppNode {

    private final String name;
    private final String jdbcUrl;
    private final FaultDatabase database;
    private final int port;
    private final Path log;
    private final List<String> jvmOptions;
    private Process process;

    /** A node as the fault journeys run it: a small heap, quick to start. */
    AppNode(String name, FaultDatabase database, String jdbcUrl) {
        this(name, database, jdbcUrl, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
    }

    AppNode(String name, FaultDatabase database, String jdbcUrl, List<String> jvmOptions) {
        this.name = name;
        this.database = database;
        this.jdbcUrl = jdbcUrl;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = freePort();
        this.log = Path.of("target", "fault-" + name + ".log").toAbsolutePath();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** The operating system's process id of the running node (for jcmd and CPU time). */
    long pid() {
        return process.pid();
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the jar and returns once its login page answers. */
    void start() {
        if (running()) {
            throw new IllegalStateException("node " + name + " is already running");
        }
        Path jar = Path.of(System.getProperty("mamori.e2e.jar", "../web/target/web-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -B -Pproduction -pl web -am -DskipTests package");
        }
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
            builder.environment().put("SPRING_DATASOURCE_USERNAME", database.user());
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", database.password());
            builder.environment().put("MAMORI_BASE_URL", baseUrl());
            builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
            process = builder.start();
            RunningApp.waitUntilUp(baseUrl(), process, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while node " + name + " started", e);
        }
    }

    /** kill -9: the process gets no chance to finish requests, close connections or run shutdown hooks. */
    void kill() {
        process.destroyForcibly();
        int exit = waitForExit();
        assertThat(exit).as("exit status of node " + name + " after SIGKILL (128 + 9)").isEqualTo(137);
    }

    /** An orderly stop (SIGTERM), as an operator takes a node out of service. */
    void stop() {
        if (running()) {
            process.destroy();
            waitForExit();
        }
    }

    private int waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while node " + name + " stopped", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
