package jp.mamori.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged application for the journeys, started once per run as its own process on embedded MariaDB with the
 * demo data (its log goes to {@code target/e2e-app.log}). With {@code -Dmamori.e2e.base-url=...} the journeys use an
 * application that is already running instead.
 */
final class RunningApp implements BeforeAllCallback {

    private static String baseUrl;

    static String baseUrl() {
        return baseUrl;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (baseUrl != null) {
            return;
        }
        String given = System.getProperty("mamori.e2e.base-url");
        if (given != null && !given.isBlank()) {
            baseUrl = given.replaceAll("/$", "");
            return;
        }
        Path jar = Path.of(System.getProperty("mamori.e2e.jar", "../web/target/web-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -B -Pproduction -pl web -am -DskipTests package");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("mamori-e2e-db");
        Path log = Path.of("target", "e2e-app.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("MAMORI_EMBEDDED_DB_DATA_DIR", data.toString());
        builder.environment().put("MAMORI_BASE_URL", "http://localhost:" + port);
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        builder.environment().remove("SPRING_DATASOURCE_URL");
        Process app = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.destroy();
            try {
                if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        String url = "http://localhost:" + port;
        waitUntilUp(url, app, log);
        baseUrl = url;
    }

    static void waitUntilUp(String url, Process app, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(giveUp)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application stopped during start-up; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting (the embedded database comes first).
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the application did not answer within 5 minutes; see " + log.toAbsolutePath());
    }
}
