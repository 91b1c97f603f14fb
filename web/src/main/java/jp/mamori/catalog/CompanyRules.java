package jp.mamori.catalog;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.mamori.content.Deck;
import jp.mamori.content.TemplateField;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's own rules, filled into the rules deck's template: the training administrator edits a draft and
 * publishes it as a new frozen version, optionally requiring everyone to acknowledge the rules again.
 */
@Service
public class CompanyRules {

    /** The template deck the company fills in. */
    public static final String DECK_ID = "our-rules";
    private static final int MAX_VALUE_LENGTH = 4000;

    private final DeckCatalog catalog;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final Clock clock;

    CompanyRules(DeckCatalog catalog, AuditLog auditLog, JdbcClient jdbc, Clock clock) {
        this.catalog = catalog;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The newest published version; everyone logged in reads it (it is what learners acknowledge). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<CompanyRulesVersion> published() {
        return jdbc.sql("SELECT MAX(version) FROM company_rules_version").query(Integer.class).optional()
                .flatMap(this::version);
    }

    /**
     * The version everybody must have acknowledged (at least): the newest one that required acknowledgement
     * again, or the first one.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Integer> acknowledgementBaseline() {
        return jdbc.sql("SELECT MAX(version) FROM company_rules_version WHERE requires_reack OR version = 1")
                .query(Integer.class).optional();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<CompanyRulesVersion> version(int version) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("SELECT field_id, value FROM company_rules_value WHERE version = ? ORDER BY field_id").param(version)
                .query(rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                });
        return jdbc.sql("SELECT version, deck_id, requires_reack, published_at, published_by FROM company_rules_version WHERE version = ?")
                .param(version)
                .query((rs, n) -> new CompanyRulesVersion(rs.getInt(1), rs.getString(2), values, rs.getBoolean(3),
                        UtcColumns.instant(rs.getObject(4, LocalDateTime.class)), rs.getString(5)))
                .optional();
    }

    /** The draft: saved values over the published ones over the template's samples. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional(readOnly = true)
    public Map<String, String> draft() {
        Map<String, String> values = new LinkedHashMap<>();
        template().templateFields().forEach(field -> values.put(field.id(), field.sample()));
        published().ifPresent(p -> values.putAll(p.values()));
        jdbc.sql("SELECT field_id, value FROM company_rules_draft").query(rs -> {
            values.put(rs.getString(1), rs.getString(2));
        });
        values.keySet().retainAll(template().templateFields().stream().map(TemplateField::id).toList());
        return values;
    }

    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public void saveDraft(Map<String, String> values) {
        Map<String, String> checked = check(values);
        String actor = CurrentPrincipal.require().email();
        LocalDateTime now = UtcColumns.of(clock.instant());
        checked.forEach((field, value) -> jdbc.sql("INSERT INTO company_rules_draft (field_id, value, updated_at, updated_by) "
                        + "VALUES (?,?,?,?) ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at), "
                        + "updated_by = VALUES(updated_by)")
                .params(field, value, now, actor).update());
    }

    /** Publishes the given values as the next version and returns its number. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public int publish(Map<String, String> values, boolean requireReacknowledgement) {
        return publishAs(values, requireReacknowledgement, CurrentPrincipal.require().email());
    }

    /** Publishing without a logged-in person: only the demo data does this, at start-up. */
    @Transactional
    int publishAs(Map<String, String> values, boolean requireReacknowledgement, String actor) {
        Map<String, String> checked = check(values);
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM company_rules_version FOR UPDATE")
                .query(Integer.class).single();
        jdbc.sql("INSERT INTO company_rules_version (version, deck_id, requires_reack, published_at, published_by) VALUES (?,?,?,?,?)")
                .params(version, DECK_ID, requireReacknowledgement || version == 1,
                        UtcColumns.of(clock.instant()), actor)
                .update();
        checked.forEach((field, value) -> jdbc.sql("INSERT INTO company_rules_value (version, field_id, value) VALUES (?,?,?)")
                .params(version, field, value).update());
        jdbc.sql("DELETE FROM company_rules_draft").update();
        auditLog.record(AuditAction.CONTENT_PUBLISHED, actor, "company rules v" + version,
                requireReacknowledgement ? "requires re-acknowledgement" : "no re-acknowledgement");
        return version;
    }

    /** Every template field needs a value; unknown fields and overlong values are refused, naming the field. */
    private Map<String, String> check(Map<String, String> values) {
        Map<String, String> checked = new LinkedHashMap<>();
        for (TemplateField field : template().templateFields()) {
            String value = values.getOrDefault(field.id(), "").strip();
            if (value.isEmpty()) {
                throw new CompanyRulesException("rules.error.required", field.id());
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new CompanyRulesException("rules.error.too-long", field.id());
            }
            checked.put(field.id(), value);
        }
        for (String key : values.keySet()) {
            if (!checked.containsKey(key)) {
                throw new CompanyRulesException("rules.error.unknown-field", key);
            }
        }
        return checked;
    }

    /**
     * The rules deck whose template the company fills: the bundled deck with its blanks, no company's answers. Open
     * to anyone, since the demo data reads it at start-up before anyone is logged in.
     */
    @PreAuthorize("permitAll()")
    public Deck template() {
        return catalog.newest(DECK_ID).orElseThrow(() -> new IllegalStateException("the rules deck is not published")).deck();
    }
}
