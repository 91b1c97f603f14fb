package jp.mamori.learning;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import jp.mamori.catalog.CompanyRules;
import jp.mamori.catalog.CompanyRulesVersion;
import jp.mamori.catalog.PublishedDeck;
import jp.mamori.evidence.EvidenceEntry;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.db.UtcColumns;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learners acknowledge the exact published version of the company's rules. A new version that requires it asks
 * everyone who acknowledged an older one again.
 */
@Service
public class RulesAcknowledgements {

    private final CompanyRules rules;
    private final EvidenceLedger ledger;
    private final Completion completion;
    private final JdbcClient jdbc;
    private final FiscalYears fiscalYears;
    private final Clock clock;

    RulesAcknowledgements(CompanyRules rules, EvidenceLedger ledger, Completion completion, JdbcClient jdbc,
                          FiscalYears fiscalYears, Clock clock) {
        this.rules = rules;
        this.ledger = ledger;
        this.completion = completion;
        this.jdbc = jdbc;
        this.fiscalYears = fiscalYears;
        this.clock = clock;
    }

    /** Whether the learner must (still) acknowledge the published rules. */
    @PreAuthorize("hasRole('LEARNER')")
    @Transactional(readOnly = true)
    public boolean required() {
        return rules.published().isPresent() && !completion.rulesSatisfied(CurrentPrincipal.require().id());
    }

    /** Records that the learner has read and will follow the published version they were shown. */
    @PreAuthorize("hasRole('LEARNER')")
    @Transactional
    public void acknowledge(int shownVersion) {
        MamoriPrincipal learner = CurrentPrincipal.require();
        CompanyRulesVersion current = rules.published().orElseThrow(() -> new IllegalStateException("no rules are published"));
        if (current.version() != shownVersion) {
            throw new IllegalStateException("rules v" + shownVersion + " were shown but v" + current.version() + " is published now");
        }
        int inserted = jdbc.sql("INSERT IGNORE INTO rules_acknowledgement (user_id, rules_version, acknowledged_at) VALUES (?,?,?)")
                .params(learner.id(), current.version(), UtcColumns.of(clock.instant())).update();
        if (inserted == 1) {
            ledger.append(new EvidenceEntry("RULES_ACKNOWLEDGED", learner.id(), learner.email(), learner.email(),
                    "company-rules", String.valueOf(current.version()), "ACKNOWLEDGED", null,
                    Map.of("deck", CompanyRules.DECK_ID), null));
        }
        int year = fiscalYears.of(clock.instant());
        Optional<PublishedDeck> deck = completion.deckInProgress(learner.id(), CompanyRules.DECK_ID, year);
        deck.ifPresent(d -> completion.tryComplete(d, year, learner));
    }
}
