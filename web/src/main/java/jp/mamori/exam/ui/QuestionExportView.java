package jp.mamori.exam.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import jp.mamori.exam.BankFile;
import jp.mamori.exam.BankFormat;
import jp.mamori.exam.ImportPreview;
import jp.mamori.exam.ItemBankTransfers;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;
import jp.mamori.shared.ui.SingleFileUpload;

/**
 * The training administrator takes the question bank out as QTI 3.0, QTI 2.1 or Moodle XML (answer keys included,
 * so each download is audited) and checks a QTI package or Moodle XML file before adding it: what would be imported,
 * every problem by file and line, and the bank YAML file to add to the bank folder.
 */
@Route("admin/question-export")
@Menu(title = "interchange.title", order = 15, icon = "EXCHANGE")
@RolesAllowed(Role.Names.TRAINING_ADMIN)
public class QuestionExportView extends Page {

    private final ItemBankTransfers transfers;
    private final Select<String> bank = new Select<>();
    private final Div result = new Div();
    /** The bank the downloads export; they run outside the page's lock, so they read only this. */
    private volatile String chosenBank;

    public QuestionExportView(ItemBankTransfers transfers) {
        this.transfers = transfers;
        heading();
        add(new Paragraph(getTranslation("interchange.intro")));
        List<String> banks = transfers.banks();
        bank.setLabel(getTranslation("interchange.bank"));
        bank.setItems(banks);
        bank.setItemLabelGenerator(id -> getTranslation("interchange.bank." + id));
        bank.addValueChangeListener(e -> {
            chosenBank = e.getValue();
            result.removeAll();
        });
        banks.stream().findFirst().ifPresent(bank::setValue);
        FlexLayout downloads = new FlexLayout();
        downloads.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        downloads.getStyle().set("gap", "var(--lumo-space-l)");
        for (BankFormat format : BankFormat.values()) {
            downloads.add(download(format));
        }
        Paragraph audited = new Paragraph(getTranslation("interchange.export.audited"));
        audited.addClassName("mamori-muted");
        add(bank, new H2(getTranslation("interchange.export")), downloads, audited);

        Upload upload = SingleFileUpload.create(ItemBankTransfers.maxUploadBytes(), getTranslation("interchange.import"),
                file -> show(transfers.preview(chosenBank, file.fileName(), file.bytes())),
                ".zip", ".xml", "application/zip", "application/xml", "text/xml");
        upload.addFileRejectedListener(e -> {
            result.removeAll();
            result.add(alert(getTranslation("interchange.rejected", e.getErrorMessage())));
        });
        result.setWidthFull();
        add(new H2(getTranslation("interchange.import")), new Paragraph(getTranslation("interchange.import.explain")), upload, result);
    }

    private Anchor download(BankFormat format) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            BankFile file = transfers.export(chosenBank, format);
            return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(), file.mimeType(), file.content().length);
        }), getTranslation(format.labelKey()));
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private void show(ImportPreview preview) {
        result.removeAll();
        if (!preview.problems().isEmpty()) {
            UnorderedList problems = new UnorderedList();
            preview.problems().forEach(problem -> problems.add(new ListItem(problem)));
            result.add(alert(getTranslation("interchange.problems", preview.fileName(), preview.problems().size())), problems);
        }
        if (!preview.items().isEmpty()) {
            result.add(items(preview.items()));
        }
        preview.yaml().ifPresent(yaml -> {
            Paragraph ready = new Paragraph(getTranslation("interchange.ready", preview.fileName(), preview.items().size(), yaml.fileName()));
            ready.addClassName("mamori-ok");
            ready.getElement().setAttribute("role", "status");
            Anchor file = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(yaml.content()), yaml.fileName(), yaml.mimeType(), yaml.content().length)),
                    getTranslation("interchange.yaml", yaml.fileName()));
            file.getElement().setAttribute("download", true);
            result.addComponentAsFirst(ready);
            result.add(file);
        });
    }

    private Grid<ImportPreview.PreviewedItem> items(List<ImportPreview.PreviewedItem> items) {
        Locale locale = getLocale();
        Grid<ImportPreview.PreviewedItem> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(i -> i.item().id()).setHeader(getTranslation("analysis.item")).setAutoWidth(true).setFrozen(true);
        grid.addColumn(i -> i.item().version()).setHeader(getTranslation("analysis.version")).setAutoWidth(true);
        grid.addColumn(i -> i.item().domain()).setHeader(getTranslation("analysis.domain")).setAutoWidth(true);
        grid.addColumn(i -> i.item().difficulty()).setHeader(getTranslation("analysis.difficulty")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation("interchange.type." + i.item().type().name())).setHeader(getTranslation("interchange.type"))
                .setAutoWidth(true);
        grid.addColumn(i -> getTranslation("interchange.status." + i.item().status().name())).setHeader(getTranslation("interchange.status"))
                .setAutoWidth(true);
        grid.addColumn(i -> i.versionInBank() == 0 ? getTranslation("interchange.new")
                : getTranslation("interchange.in-bank", i.versionInBank())).setHeader(getTranslation("interchange.bank-column")).setAutoWidth(true);
        grid.addColumn(i -> i.item().stem().in(locale)).setHeader(getTranslation("interchange.stem")).setFlexGrow(1)
                .setTooltipGenerator(i -> i.item().stem().in(locale));
        grid.setItems(items);
        grid.setAllRowsVisible(items.size() <= 20);
        if (items.size() > 20) {
            grid.setHeight("50vh");
        }
        return grid;
    }

    private static Paragraph alert(String text) {
        Paragraph alert = new Paragraph(text);
        alert.addClassName("mamori-bad");
        alert.getElement().setAttribute("role", "alert");
        return alert;
    }

    @Override
    protected String titleKey() {
        return "interchange.title";
    }
}
