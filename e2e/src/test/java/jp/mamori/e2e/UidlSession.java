package jp.mamori.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person in a browser, spoken over HTTP the way Vaadin's client does it (learnt from a recorded exam session): the
 * login form with Spring Security's CSRF token, the bootstrap page, the {@code v-r=init} request that opens a UI, the
 * {@code ui-navigate} event that renders the route, then UIDL messages with the UI's security key, the server's sync id
 * and the client's message id. Property changes ({@code mSync}), DOM events, polls and heartbeats are what the exam
 * page sends.
 * One thread uses a session at a time, as one tab sends one message at a time.
 */
final class UidlSession {

    /** Thrown when the server refuses a message or answers with an error instead of changes. */
    static final class UidlException extends RuntimeException {
        UidlException(String message) {
            super(message);
        }
    }

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).version(HttpClient.Version.HTTP_1_1).build();

    private final String baseUrl;
    private final UiTree tree = new UiTree();
    private String sessionId;
    private String securityKey;
    private int uiId;
    private long heartbeatMillis;
    private int syncId;
    private int clientId;
    private int retries;

    UidlSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    UiTree tree() {
        return tree;
    }

    /** Messages sent again after the connection failed (Vaadin's client resends the same message). */
    int retries() {
        return retries;
    }

    /** Logs in on the login page's form; fails unless the server sends the person on into the application. */
    void login(String email, String password) {
        HttpResponse<String> page = get("/login");
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new UidlException("no CSRF token on the login page (status " + page.statusCode() + ")");
        }
        String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> answer = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("/login")) {
            throw new UidlException("login of " + email + " refused: " + answer.statusCode() + " " + location);
        }
    }

    /** Opens a route as typing its address does: the page, a new UI, and the navigation that renders the view. */
    void open(String route) {
        HttpResponse<String> page = get("/" + route);
        if (page.statusCode() != 200) {
            throw new UidlException("GET /" + route + " answered " + page.statusCode());
        }
        HttpResponse<String> init = get("/?v-r=init&location=" + encode(route) + "&query=");
        JsonObject config = JsonParser.parseString(init.body()).getAsJsonObject().getAsJsonObject("appConfig");
        uiId = config.get("v-uiId").getAsInt();
        heartbeatMillis = 1000L * (config.has("heartbeatInterval") ? config.get("heartbeatInterval").getAsInt() : 300);
        JsonObject uidl = config.getAsJsonObject("uidl");
        securityKey = uidl.get("Vaadin-Security-Key").getAsString();
        accept(uidl);
        JsonObject data = new JsonObject();
        data.addProperty("route", route);
        data.addProperty("query", "");
        data.addProperty("appShellTitle", "");
        JsonObject history = new JsonObject();
        history.addProperty("idx", 0);
        data.add("historyState", history);
        data.addProperty("trigger", "");
        send(List.of(event(1, "ui-navigate", data)));
    }

    /** A click on an element, with the mouse event details a browser sends. */
    void click(UiTree.Node node) {
        JsonObject data = new JsonObject();
        for (String key : List.of("event.shiftKey", "event.metaKey", "event.ctrlKey", "event.altKey")) {
            data.addProperty(key, false);
        }
        for (String key : List.of("event.clientX", "event.clientY", "event.screenX", "event.screenY", "event.button")) {
            data.addProperty(key, 0);
        }
        data.addProperty("event.detail", 1);
        send(List.of(event(node.id, "click", data)));
    }

    /** A DOM event with no details (e.g. a dialog's "confirm"). */
    void fire(UiTree.Node node, String eventName) {
        send(List.of(event(node.id, eventName, new JsonObject())));
    }

    /** A property the person changed in the browser (a radio group's or checkbox group's value). */
    void change(UiTree.Node node, String property, JsonElement value) {
        JsonObject sync = new JsonObject();
        sync.addProperty("type", "mSync");
        sync.addProperty("node", node.id);
        sync.addProperty("feature", 1);
        sync.addProperty("property", property);
        sync.add("value", value);
        send(List.of(sync));
    }

    /** The UI's poll, sent every poll interval while the page is open. */
    void poll() {
        send(List.of(event(1, "ui-poll", new JsonObject())));
    }

    /** How often the open page tells the server it is still there (the server's {@code heartbeatInterval}). */
    long heartbeatMillis() {
        return heartbeatMillis;
    }

    /**
     * The open page's heartbeat. Only heartbeats keep a UI alive: the server closes a UI that has sent none for three
     * intervals (15 minutes by default), however many polls and events it sent meanwhile.
     */
    void heartbeat() {
        HttpResponse<String> response = send(request("/?v-r=heartbeat&v-uiId=" + uiId)
                .header("Content-Type", "text/plain;charset=utf-8").POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200) {
            throw new UidlException("heartbeat answered " + response.statusCode());
        }
    }

    private static JsonObject event(int node, String name, JsonObject data) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "event");
        event.addProperty("node", node);
        event.addProperty("event", name);
        event.add("data", data);
        return event;
    }

    private void send(List<JsonObject> rpc) {
        JsonObject message = new JsonObject();
        message.addProperty("csrfToken", securityKey);
        JsonArray calls = new JsonArray();
        rpc.forEach(calls::add);
        message.add("rpc", calls);
        message.addProperty("syncId", syncId);
        message.addProperty("clientId", clientId);
        HttpRequest post = request("/?v-r=uidl&v-uiId=" + uiId).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build();
        HttpResponse<String> response = send(post);
        if (response.statusCode() != 200) {
            throw new UidlException("UIDL answered " + response.statusCode());
        }
        String body = response.body();
        if (body.startsWith("for(;;);")) {
            body = body.substring("for(;;);".length());
        }
        JsonElement parsed = JsonParser.parseString(body);
        accept(parsed.isJsonArray() ? parsed.getAsJsonArray().get(0).getAsJsonObject() : parsed.getAsJsonObject());
    }

    private void accept(JsonObject uidl) {
        if (uidl.has("meta")) {
            JsonObject meta = uidl.getAsJsonObject("meta");
            if (meta.has("appError") || meta.has("sessionExpired")) {
                throw new UidlException("the server answered " + meta);
            }
        }
        if (uidl.has("resynchronize") && uidl.get("resynchronize").getAsBoolean()) {
            throw new UidlException("the server asked for a resynchronisation");
        }
        if (uidl.has("syncId")) {
            syncId = uidl.get("syncId").getAsInt();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").getAsInt();
        }
        if (uidl.has("changes") && uidl.get("changes").isJsonArray()) {
            tree.apply(uidl.getAsJsonArray("changes"));
        }
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (sessionId != null) {
            builder.header("Cookie", "JSESSIONID=" + sessionId);
        }
        return builder;
    }

    /** Sends once more when the connection breaks (a pooled connection the server had just closed). */
    private HttpResponse<String> send(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                response.headers().allValues("Set-Cookie").forEach(cookie -> {
                    Matcher session = SESSION_COOKIE.matcher(cookie);
                    if (session.find()) {
                        sessionId = session.group(1);
                    }
                });
                return response;
            } catch (IOException e) {
                if (attempt == 2) {
                    throw new UidlException(request.method() + " " + request.uri().getPath() + " failed twice: " + e);
                }
                retries++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UidlException("interrupted");
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
