package jp.mamori.evidence.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.function.Function;
import jp.mamori.evidence.EvidenceRecord;
import jp.mamori.shared.ui.Formats;

/** Evidence records as a table: when, what, which version, result and score; the number links it to the chain. */
public class EvidenceRecordGrid extends Grid<EvidenceRecord> {

    public EvidenceRecordGrid(boolean showSubject) {
        this(showSubject, r -> r.itemRef() + " v" + r.itemVersion());
    }

    /** @param itemLabel how the "what" column names a record's item (e.g. a deck's title instead of its id) */
    public EvidenceRecordGrid(boolean showSubject, Function<EvidenceRecord, String> itemLabel) {
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        addColumn(EvidenceRecord::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        addColumn(r -> Formats.dateTime(r.recordedAt(), getLocale())).setHeader(getTranslation("evidence.when")).setAutoWidth(true);
        if (showSubject) {
            addColumn(EvidenceRecord::subject).setHeader(getTranslation("evidence.subject")).setAutoWidth(true);
        }
        addColumn(r -> getTranslation("evidence.kind." + r.kind())).setHeader(getTranslation("evidence.kind")).setAutoWidth(true);
        addColumn(itemLabel::apply).setHeader(getTranslation("evidence.item")).setAutoWidth(true);
        addColumn(r -> getTranslation("evidence.result." + r.result())).setHeader(getTranslation("evidence.result")).setAutoWidth(true);
        addColumn(r -> r.score() == null ? "" : r.score().toPlainString()).setHeader(getTranslation("evidence.score")).setAutoWidth(true);
        setEmptyStateText(getTranslation("evidence.none"));
    }

    public void show(List<EvidenceRecord> records) {
        setItems(records);
    }
}
