package jp.mamori.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import jp.mamori.shared.export.Table;
import jp.mamori.shared.export.TableExport;

/**
 * "CSV" and "Excel" download links for a table exactly as it is shown (filtered and sorted), written when clicked.
 * The supplier must hand over a snapshot (the rows on screen), since downloads run outside the UI's lock; each export
 * is reported (format, rows) so the caller can record it in the audit log.
 */
public class ExportLinks extends Span {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public ExportLinks(String fileBase, Supplier<Table> table, BiConsumer<String, Integer> exported) {
        Anchor csv = link("csv", "text/csv;charset=UTF-8", fileBase, table, exported);
        csv.setText(getTranslation("export.csv"));
        Anchor excel = link("xlsx", XLSX, fileBase, table, exported);
        excel.setText(getTranslation("export.xlsx"));
        add(csv, new Span(" ・ "), excel);
    }

    private static Anchor link(String format, String type, String fileBase, Supplier<Table> table, BiConsumer<String, Integer> exported) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            Table shown = table.get();
            byte[] bytes = format.equals("csv") ? TableExport.csv(shown) : TableExport.xlsx(shown);
            exported.accept(format, shown.rows().size());
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileBase + "." + format, type, bytes.length);
        }), "");
        link.getElement().setAttribute("download", true);
        return link;
    }
}
