package jp.mamori.evidence.ui;

import com.vaadin.flow.component.html.Paragraph;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.shared.ui.Page;

/**
 * The home of a person who takes part (learner, examiner, candidate): what the role does in Mamori,
 * then the person's own evidence records. Texts come from {@code <keyPrefix>.title} and {@code <keyPrefix>.intro}.
 */
public abstract class PersonalHomePage extends Page {

    private final String keyPrefix;

    protected PersonalHomePage(EvidenceLedger ledger, String keyPrefix) {
        this.keyPrefix = keyPrefix;
        heading();
        add(new Paragraph(getTranslation(keyPrefix + ".intro")), new MyRecords(ledger));
    }

    @Override
    protected String titleKey() {
        return keyPrefix + ".title";
    }
}
