package jp.mamori.evidence.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Function;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.shared.security.CurrentPrincipal;

/** The logged-in person's own evidence records: what they completed, passed and signed. */
public class MyRecords extends VerticalLayout {

    public MyRecords(EvidenceLedger ledger) {
        this(ledger, r -> r.itemRef() + " v" + r.itemVersion());
    }

    /** @param itemLabel how to name each record's item for the person (see {@link EvidenceRecordGrid}) */
    public MyRecords(EvidenceLedger ledger, Function<EvidenceRecord, String> itemLabel) {
        setPadding(false);
        EvidenceRecordGrid grid = new EvidenceRecordGrid(false, itemLabel);
        grid.show(ledger.recordsOf(CurrentPrincipal.require().id()));
        add(new H3(getTranslation("evidence.mine")), grid);
    }
}
