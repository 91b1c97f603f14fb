package jp.mamori.identity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.Map;
import jp.mamori.identity.ImportCounts;
import jp.mamori.identity.ImportFile;
import jp.mamori.identity.ImportPlan;
import jp.mamori.identity.ImportProblem;
import jp.mamori.identity.ImportRequest;
import jp.mamori.identity.PeopleImport;
import jp.mamori.identity.PeopleImportException;
import jp.mamori.identity.PlannedChange;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;

/**
 * The CSV import of departments and people: upload one or both files, run a dry run that lists every change and
 * every error by line and column, then confirm (all or nothing) or cancel.
 */
@Route("admin/people/import")
@RolesAllowed(Role.Names.TRAINING_ADMIN)
public class PeopleImportView extends Page {

    private static final int MAX_FILE_SIZE = 32 * 1024 * 1024;

    private final PeopleImport imports;
    private final Map<ImportFile, byte[]> files = new EnumMap<>(ImportFile.class);
    private final Map<ImportFile, Span> fileStates = new EnumMap<>(ImportFile.class);
    private final Checkbox deactivateMissing = new Checkbox();
    private final Div result = new Div();
    private ImportPlan plan;

    public PeopleImportView(PeopleImport imports) {
        this.imports = imports;
        heading();
        add(new Paragraph(getTranslation("import.explain")),
                new Paragraph(getTranslation("import.format", imports.maxRows())));
        for (ImportFile file : ImportFile.values()) {
            add(fileChooser(file));
        }
        deactivateMissing.setLabel(getTranslation("import.deactivate-missing"));
        deactivateMissing.addValueChangeListener(e -> clearResult());
        Button dryRun = new Button(getTranslation("import.dry-run"), e -> dryRun());
        dryRun.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> getUI().ifPresent(ui -> ui.navigate(UsersView.class)));
        HorizontalLayout actions = new HorizontalLayout(dryRun, cancel);
        actions.setWrap(true);
        result.setWidthFull();
        result.getElement().setAttribute("aria-live", "polite");
        add(deactivateMissing, actions, result);
    }

    private Component fileChooser(ImportFile file) {
        H3 title = new H3(getTranslation(file.labelKey()));
        Span state = new Span();
        state.getElement().setAttribute("aria-live", "polite");
        fileStates.put(file, state);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> {
                    files.put(file, bytes);
                    state.setText(getTranslation("import.uploaded", getTranslation(file.labelKey()),
                            metadata.fileName(), bytes.length));
                    clearResult();
                }))));
        upload.setAcceptedFileTypes("text/csv", ".csv", "text/plain", ".txt");
        upload.setMaxFileSize(MAX_FILE_SIZE);
        upload.setMaxFiles(1);
        upload.getElement().setAttribute("aria-label", getTranslation(file.labelKey()));
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("import.upload.choose")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("import.upload.drop")))
                .setError(new UploadI18N.Error()
                        .setFileIsTooBig(getTranslation("import.upload.too-big", MAX_FILE_SIZE / 1024 / 1024))
                        .setIncorrectFileType(getTranslation("import.upload.not-csv"))
                        .setTooManyFiles(getTranslation("import.upload.one-file"))));
        upload.addFileRejectedListener(e -> state.setText(getTranslation("import.rejected", e.getErrorMessage())));
        upload.addFileRemovedListener(e -> {
            files.remove(file);
            state.setText("");
            clearResult();
        });
        Div chooser = new Div(title, upload, state);
        chooser.setWidthFull();
        return chooser;
    }

    private void dryRun() {
        clearResult();
        try {
            plan = imports.dryRun(new ImportRequest(files.get(ImportFile.DEPARTMENTS), files.get(ImportFile.PEOPLE),
                    deactivateMissing.getValue()));
        } catch (PeopleImportException e) {
            result.add(alert(getTranslation(e.messageKey())));
            return;
        }
        plan.encodings().forEach((file, encoding) ->
                result.add(new Paragraph(getTranslation("import.encoding", getTranslation(file.labelKey()), encoding))));
        result.add(new Paragraph(summary(plan.counts())));
        if (!plan.problems().isEmpty()) {
            result.add(alert(getTranslation("import.problems", plan.problems().size())),
                    new H3(getTranslation("import.problem-list")), problemGrid());
        } else if (plan.changes().isEmpty()) {
            result.add(new Paragraph(getTranslation("import.no-changes")));
        } else {
            Paragraph ready = new Paragraph(getTranslation("import.ready"));
            ready.addClassName("mamori-ok");
            Button confirm = new Button(getTranslation("import.confirm"), e -> confirm());
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            result.add(ready, confirm);
        }
        if (!plan.changes().isEmpty()) {
            result.add(new H3(getTranslation("import.changes")), changeGrid());
        }
    }

    private void confirm() {
        ImportPlan confirmed = plan;
        clearResult();
        try {
            ImportCounts counts = imports.confirm(confirmed);
            Paragraph done = new Paragraph(getTranslation("import.done", summary(counts)));
            done.addClassName("mamori-ok");
            done.getElement().setAttribute("role", "status");
            result.add(done);
        } catch (PeopleImportException e) {
            result.add(alert(getTranslation(e.messageKey())));
        }
    }

    private String summary(ImportCounts counts) {
        return getTranslation("import.summary", counts.departmentsCreated(), counts.departmentsRenamed(),
                counts.departmentsMoved(), counts.managersSet(), counts.peopleCreated(), counts.peopleChanged(),
                counts.peopleDeactivated(), counts.peopleReactivated());
    }

    private Grid<ImportProblem> problemGrid() {
        Grid<ImportProblem> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(p -> getTranslation(p.file().labelKey())).setHeader(getTranslation("import.column.file"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.line() == 0 ? "" : String.valueOf(p.line())).setHeader(getTranslation("import.column.line"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.column() == null ? "" : p.column()).setHeader(getTranslation("import.column.column"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::message).setHeader(getTranslation("import.column.message")).setWidth("16rem").setFlexGrow(1);
        grid.setItems(plan.problems());
        grid.setAriaLabel(getTranslation("import.problem-list"));
        return sized(grid, plan.problems().size());
    }

    private Grid<PlannedChange> changeGrid() {
        Grid<PlannedChange> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(c -> getTranslation(c.kind().labelKey())).setHeader(getTranslation("import.column.change")).setAutoWidth(true);
        grid.addColumn(c -> c.line() == 0 ? "" : String.valueOf(c.line())).setHeader(getTranslation("import.column.line"))
                .setAutoWidth(true);
        grid.addColumn(PlannedChange::subject).setHeader(getTranslation("import.column.subject")).setAutoWidth(true);
        grid.addColumn(c -> c.field() == null ? "" : getTranslation("import.field." + c.field()))
                .setHeader(getTranslation("import.column.field")).setAutoWidth(true);
        grid.addColumn(c -> c.before() == null ? "" : c.before()).setHeader(getTranslation("import.column.before")).setAutoWidth(true);
        grid.addColumn(c -> c.after() == null ? "" : c.after()).setHeader(getTranslation("import.column.after")).setAutoWidth(true);
        grid.setItems(plan.changes());
        grid.setAriaLabel(getTranslation("import.changes"));
        return sized(grid, plan.changes().size());
    }

    /** Short lists show whole; long ones (thousands of people) scroll inside a fixed height. */
    private static <T> Grid<T> sized(Grid<T> grid, int rows) {
        if (rows <= 20) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("28rem");
        }
        return grid;
    }

    /** The error in the page's language; its line and column have columns of their own. */
    private String message(ImportProblem problem) {
        return getTranslation(problem.messageKey(), problem.arguments().toArray());
    }

    private static Paragraph alert(String text) {
        Paragraph alert = new Paragraph(text);
        alert.addClassName("mamori-bad");
        alert.getElement().setAttribute("role", "alert");
        return alert;
    }

    private void clearResult() {
        result.removeAll();
        plan = null;
    }

    @Override
    protected String titleKey() {
        return "import.title";
    }
}
