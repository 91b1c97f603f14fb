package jp.mamori.learning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import jp.mamori.catalog.DeckCatalog;
import jp.mamori.catalog.DeckUpload;
import jp.mamori.catalog.DeckUploads;
import jp.mamori.catalog.PublishedDeck;
import jp.mamori.content.Deck;
import jp.mamori.content.Slide;
import jp.mamori.content.Templates;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;

/**
 * The training administrator's list of published decks, and the way to publish a new version: upload the deck
 * folder as a zip, read every problem or the preview, then confirm.
 */
@Route("admin/decks")
@Menu(title = "decks.title", order = 12, icon = "BOOK")
@RolesAllowed(Role.Names.TRAINING_ADMIN)
public class DeckAdminView extends Page {

    private final DeckUploads uploads;
    private final DeckCatalog catalog;
    private final Grid<PublishedDeck> decks = new Grid<>();
    private final Div result = new Div();

    public DeckAdminView(DeckUploads uploads, DeckCatalog catalog) {
        this.uploads = uploads;
        this.catalog = catalog;
        heading();
        decks.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        decks.setAllRowsVisible(true);
        decks.addColumn(d -> d.deck().title().in(getLocale())).setHeader(getTranslation("decks.deck")).setAutoWidth(true);
        decks.addColumn(PublishedDeck::id).setHeader("ID").setAutoWidth(true);
        decks.addColumn(PublishedDeck::version).setHeader(getTranslation("decks.version")).setAutoWidth(true);
        decks.addColumn(d -> d.deck().slides().size()).setHeader(getTranslation("decks.slides")).setAutoWidth(true);
        decks.addColumn(d -> d.deck().items().size()).setHeader(getTranslation("decks.items")).setAutoWidth(true);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            DeckUpload checked = uploads.validate(metadata.fileName(), bytes);
            getUI().ifPresent(ui -> ui.access(() -> show(checked)));
        }));
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setMaxFileSize(20 * 1024 * 1024);
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(e -> notify(getTranslation("decks.rejected", e.getErrorMessage()), NotificationVariant.LUMO_ERROR));
        add(decks, new H3(getTranslation("decks.upload")), new Paragraph(getTranslation("decks.upload.explain")), upload, result);
        refresh();
    }

    private void refresh() {
        decks.setItems(catalog.latest("employee"));
    }

    private void show(DeckUpload upload) {
        result.removeAll();
        if (!upload.publishable()) {
            Paragraph failed = new Paragraph(getTranslation("decks.problems", upload.problems().size()));
            failed.addClassName("mamori-bad");
            failed.getElement().setAttribute("role", "alert");
            UnorderedList list = new UnorderedList();
            upload.problems().forEach(problem -> list.add(new ListItem(problem.toString())));
            result.add(failed, list);
            return;
        }
        Deck deck = upload.deck().orElseThrow();
        Paragraph ready = new Paragraph(getTranslation("decks.ready", deck.title().in(getLocale()), deck.version(),
                deck.slides().size(), deck.items().size()));
        ready.addClassName("mamori-ok");
        Button preview = new Button(getTranslation("rules.preview"), e -> preview(deck, upload.files()));
        Button publish = new Button(getTranslation("decks.publish"), e -> confirm(upload));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.add(ready, preview, publish);
    }

    private void preview(Deck deck, Map<String, byte[]> files) {
        String prefix = files.keySet().stream().filter(f -> f.endsWith("deck.md")).findFirst()
                .map(f -> f.substring(0, f.length() - "deck.md".length())).orElse("");
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(deck.title().in(getLocale()) + " v" + deck.version());
        dialog.setWidth("min(60rem, 95vw)");
        Map<String, String> samples = Templates.samples(deck);
        for (Slide slide : deck.slides()) {
            dialog.add(new SlideView(slide, samples, SlideImages.from(path -> files.get(prefix + path))));
        }
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    private void confirm(DeckUpload upload) {
        Deck deck = upload.deck().orElseThrow();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("decks.publish"));
        confirm.setText(getTranslation("decks.publish.confirm", deck.title().in(getLocale()), deck.version()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("decks.publish"));
        confirm.addConfirmListener(e -> {
            uploads.publish(upload);
            result.removeAll();
            refresh();
            notify(getTranslation("decks.published", deck.version()), NotificationVariant.LUMO_SUCCESS);
        });
        confirm.open();
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.TOP_CENTER).addThemeVariants(variant);
    }

    @Override
    protected String titleKey() {
        return "decks.title";
    }
}
