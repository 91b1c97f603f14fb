package jp.mamori.xapi;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.shared.db.UtcColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the statements of evidence records not yet accepted by the learning record store, oldest first, in batches.
 * The ledger is the outbox: nothing is queued beside the learner's own transaction, so a store that is down never
 * slows or blocks anyone; a failed batch is tried again after a growing pause, and the cursor only moves past
 * statements the store accepted.
 */
@Service
public class XapiForwarder {

    private static final Logger log = LoggerFactory.getLogger(XapiForwarder.class);

    private final XapiSettings settings;
    private final EvidenceLedger ledger;
    private final Statements statements;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    XapiForwarder(XapiSettings settings, EvidenceLedger ledger, @Value("${mamori.base-url:http://localhost:8080}") String baseUrl,
                  JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.ledger = ledger;
        this.statements = new Statements(baseUrl);
        this.jdbc = jdbc;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** How forwarding stands, for the operator. */
    public record Status(boolean enabled, String endpoint, long lastSeq, long pending, int failures,
                         Optional<Instant> nextAttemptAt, Optional<String> lastError, Optional<Instant> lastSentAt) {
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public Status status() {
        Cursor cursor = cursor();
        long head = ledger.head().seq();
        return new Status(settings.enabled(), settings.enabled() ? settings.statements().toString() : "",
                cursor.lastSeq(), Math.max(0, head - cursor.lastSeq()), cursor.failures(),
                Optional.ofNullable(cursor.nextAttemptAt()), Optional.ofNullable(cursor.lastError()),
                Optional.ofNullable(cursor.lastSentAt()));
    }

    /**
     * Forwards what is pending unless a back-off is running; returns the number of records the store accepted
     * (records without a statement count as passed). Run by the scheduler as the system.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public int forwardPending() {
        if (!settings.enabled()) {
            return 0;
        }
        Cursor cursor = cursor();
        if (cursor.nextAttemptAt() != null && clock.instant().isBefore(cursor.nextAttemptAt())) {
            return 0;
        }
        int accepted = 0;
        long seq = cursor.lastSeq();
        while (true) {
            List<EvidenceRecord> records = ledger.after(seq, settings.batch());
            if (records.isEmpty()) {
                return accepted;
            }
            List<Map<String, Object>> batch = records.stream().map(statements::of).flatMap(Optional::stream).toList();
            Optional<String> failure = batch.isEmpty() ? Optional.empty() : send(batch);
            if (failure.isPresent()) {
                failed(cursor.failures() + 1, failure.get());
                return accepted;
            }
            seq = records.getLast().seq();
            accepted += records.size();
            advance(seq);
        }
    }

    /** Posts one batch; the reason it was not accepted, if it was not. */
    private Optional<String> send(List<Map<String, Object>> batch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.statements())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("X-Experience-API-Version", "1.0.3")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(batch), StandardCharsets.UTF_8));
        if (settings.username() != null && !settings.username().isBlank()) {
            String credentials = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return Optional.empty();
            }
            // The body may echo statements (with e-mail addresses): keep only the status and a short, safe prefix.
            return Optional.of("HTTP " + response.statusCode());
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private void failed(int failures, String reason) {
        Duration pause = backoff(failures);
        log.warn("xAPI statements not accepted ({}); try {} again in {}", reason, failures, pause);
        jdbc.sql("UPDATE xapi_cursor SET failures = ?, next_attempt_at = ?, last_error = ? WHERE id = 1")
                .params(failures, UtcColumns.of(clock.instant().plus(pause)), truncate(reason)).update();
    }

    /** 30 s, 1 min, 2 min, … doubling up to the configured maximum (1 hour by default). */
    Duration backoff(int failures) {
        Duration pause = Duration.ofSeconds(30).multipliedBy(1L << Math.min(failures - 1, 20));
        return pause.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : pause;
    }

    private void advance(long seq) {
        jdbc.sql("UPDATE xapi_cursor SET last_seq = ?, failures = 0, next_attempt_at = NULL, last_error = NULL, "
                + "last_sent_at = ? WHERE id = 1").params(seq, UtcColumns.of(clock.instant())).update();
    }

    private Cursor cursor() {
        return jdbc.sql("SELECT last_seq, failures, next_attempt_at, last_error, last_sent_at FROM xapi_cursor WHERE id = 1")
                .query((rs, n) -> new Cursor(rs.getLong(1), rs.getInt(2), instant(rs.getObject(3, java.time.LocalDateTime.class)),
                        rs.getString(4), instant(rs.getObject(5, java.time.LocalDateTime.class))))
                .single();
    }

    private static Instant instant(java.time.LocalDateTime value) {
        return value == null ? null : UtcColumns.instant(value);
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private record Cursor(long lastSeq, int failures, Instant nextAttemptAt, String lastError, Instant lastSentAt) {
    }
}
