package jp.mamori.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does in a login flow, over real HTTP: keeps cookies per host, follows redirects one by one (so the
 * test sees each stop), and submits the provider's login form with its CSRF token.
 */
final class RedirectingBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Every address visited, in order. */
    final List<URI> visited = new ArrayList<>();

    /** Opens the address and follows redirects; returns the last response. */
    HttpResponse<String> open(URI uri) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(uri).GET().build()));
    }

    /** Fills the provider's login form at {@code loginPage} and follows where it leads. */
    HttpResponse<String> logInAtProvider(URI loginPage, String username, String password) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(send(HttpRequest.newBuilder(loginPage).GET().build()).body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the provider's login page " + loginPage);
        }
        String form = Map.of("username", username, "password", password, "_csrf", token.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return follow(send(HttpRequest.newBuilder(loginPage).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()));
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET().build());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        visited.add(request.uri());
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
