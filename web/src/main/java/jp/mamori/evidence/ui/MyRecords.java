package jp.mamori.evidence.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.shared.security.CurrentPrincipal;

/** The logged-in person's own evidence records: what they completed, passed and signed. */
public class MyRecords extends VerticalLayout {

    public MyRecords(EvidenceLedger ledger) {
        setPadding(false);
        EvidenceRecordGrid grid = new EvidenceRecordGrid(false);
        grid.show(ledger.recordsOf(CurrentPrincipal.require().id()));
        add(new H3(getTranslation("evidence.mine")), grid);
    }
}
