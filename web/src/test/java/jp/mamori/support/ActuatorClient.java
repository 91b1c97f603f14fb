package jp.mamori.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls the actuator endpoints of a running test server over real HTTP, as a load balancer or Prometheus would. */
public record ActuatorClient(int port) {

    /** The scraper credentials the operations tests configure (mamori.metrics.*). */
    public static final String SCRAPER = "prometheus";
    public static final String SCRAPER_PASSWORD = "scrape-secret-for-tests-0123";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public HttpResponse<String> anonymous(String path) {
        return send(request(path));
    }

    public HttpResponse<String> basic(String path, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Authorization", "Basic " + credentials));
    }

    public HttpResponse<String> asScraper(String path) {
        return basic(path, SCRAPER, SCRAPER_PASSWORD);
    }

    /**
     * The samples of one Prometheus scrape, keyed by name and labels as written
     * ({@code mamori_exam_answer_save_seconds_count{application="mamori",outcome="saved"}}).
     */
    public Map<String, Double> scrape() {
        HttpResponse<String> response = asScraper("/actuator/prometheus");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scrape answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, Double> samples = new LinkedHashMap<>();
        response.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.valueOf(line.substring(space + 1)));
        });
        return samples;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from the test server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
