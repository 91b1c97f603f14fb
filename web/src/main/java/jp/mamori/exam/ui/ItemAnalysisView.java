package jp.mamori.exam.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jp.mamori.exam.AnalysedExam;
import jp.mamori.exam.CsvFile;
import jp.mamori.exam.ItemAnalysis;
import jp.mamori.exam.ItemAnalysisReport;
import jp.mamori.exam.ItemFlag;
import jp.mamori.exam.ItemStatistics;
import jp.mamori.exam.OptionCount;
import jp.mamori.questionbank.ItemType;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Page;

/**
 * The training administrator's item analysis of an exam: choose the exam and the period in which attempts closed,
 * sort and filter the items by their figures and flags, open one to see its stem and how many chose each option
 * (key marked), and download the table as CSV. It shows answer keys, so it is for TRAINING_ADMIN alone.
 */
@Route("admin/item-analysis")
@Menu(title = "analysis.title", order = 14, icon = "BAR_CHART")
@RolesAllowed(Role.Names.TRAINING_ADMIN)
public class ItemAnalysisView extends Page {

    static final String UNDEFINED = "—";

    private final ItemAnalysis analysis;
    private final ComboBox<AnalysedExam> exam = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Checkbox flaggedOnly = new Checkbox();
    private final Paragraph summary = new Paragraph();
    private final Grid<ItemStatistics> grid = new Grid<>();
    private final Div detail = new Div();
    private final Anchor export;
    private ItemAnalysisReport report;
    /** What the CSV download exports; the download runs outside the page's lock, so it reads only this snapshot. */
    private volatile ExportRequest exportRequest;

    public ItemAnalysisView(ItemAnalysis analysis) {
        this.analysis = analysis;
        heading();
        add(new Paragraph(getTranslation("analysis.intro")));
        List<AnalysedExam> exams = analysis.exams();
        exam.setLabel(getTranslation("analysis.exam"));
        exam.setItems(exams);
        exam.setItemLabelGenerator(e -> e.name().in(getLocale()));
        exams.stream().filter(e -> e.examId().equals("competency-standard")).findFirst()
                .or(() -> exams.stream().findFirst()).ifPresent(exam::setValue);
        exam.setRequired(true);
        exam.setWidth("min(100%, 20em)");
        from.setLabel(getTranslation("analysis.from"));
        to.setLabel(getTranslation("analysis.to"));
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.setLocale(getLocale());
        to.setLocale(getLocale());
        Button run = new Button(getTranslation("analysis.run"), e -> run());
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout choices = new FlexLayout(exam, from, to, run);
        choices.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        choices.setAlignItems(FlexComponent.Alignment.BASELINE);
        choices.getStyle().set("gap", "var(--lumo-space-m)");

        flaggedOnly.setLabel(getTranslation("analysis.flagged-only"));
        flaggedOnly.addValueChangeListener(e -> showItems());
        export = new Anchor(DownloadHandler.fromInputStream(event -> {
            ExportRequest request = exportRequest;
            CsvFile csv = analysis.export(request.examId(), request.from(), request.to(), request.flaggedOnly());
            return new DownloadResponse(new ByteArrayInputStream(csv.content()), csv.fileName(), "text/csv;charset=UTF-8",
                    csv.content().length);
        }), getTranslation("analysis.export"));
        export.getElement().setAttribute("download", true);
        export.setEnabled(false);
        FlexLayout tools = new FlexLayout(flaggedOnly, export);
        tools.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tools.setAlignItems(FlexComponent.Alignment.CENTER);
        tools.getStyle().set("gap", "var(--lumo-space-l)");

        summary.getElement().setAttribute("role", "status");
        configureGrid();
        detail.add(new Paragraph(getTranslation("analysis.detail.hint")));
        detail.setWidthFull();
        add(choices, tools, summary, grid, detail);
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("50vh");
        grid.addColumn(ItemStatistics::itemId).setHeader(getTranslation("analysis.item")).setKey("item")
                .setSortable(true).setAutoWidth(true).setFrozen(true);
        grid.addColumn(ItemStatistics::version).setHeader(getTranslation("analysis.version")).setKey("version")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(i -> getTranslation("exam.domain." + i.domain())).setHeader(getTranslation("analysis.domain"))
                .setKey("domain").setComparator(ItemStatistics::domain).setAutoWidth(true);
        grid.addColumn(ItemStatistics::difficulty).setHeader(getTranslation("analysis.difficulty")).setKey("difficulty")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(ItemStatistics::n).setHeader(getTranslation("analysis.n")).setKey("n")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(i -> decimal(i.pValue())).setHeader(getTranslation("analysis.p")).setKey("p")
                .setComparator(Comparator.comparingDouble(ItemStatistics::pValue)).setAutoWidth(true);
        grid.addColumn(ItemAnalysisView::discrimination).setHeader(getTranslation("analysis.r")).setKey("r")
                .setComparator(Comparator.comparingDouble(i -> i.discrimination().orElse(Double.NEGATIVE_INFINITY)))
                .setTooltipGenerator(i -> i.discrimination().isPresent() ? null : getTranslation("analysis.undefined"))
                .setAutoWidth(true);
        grid.addColumn(this::flagLabels).setHeader(getTranslation("analysis.flags")).setKey("flags")
                .setComparator(Comparator.comparingInt(i -> i.flags().size())).setTooltipGenerator(this::flagLabels)
                .setAutoWidth(true).setFlexGrow(1);
        grid.setEmptyStateText(getTranslation("analysis.choose"));
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));
    }

    private void run() {
        if (exam.isEmpty()) {
            exam.setErrorMessage(getTranslation("analysis.exam.required"));
            exam.setInvalid(true);
            return;
        }
        if (from.getValue() != null && to.getValue() != null && from.getValue().isAfter(to.getValue())) {
            to.setErrorMessage(getTranslation("analysis.period.invalid"));
            to.setInvalid(true);
            return;
        }
        exam.setInvalid(false);
        to.setInvalid(false);
        ZoneId zone = CurrentPrincipal.get().map(MamoriPrincipal::zone).orElse(Formats.DEFAULT_ZONE);
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        // The end date is inclusive for the reader: attempts finished at any time on that day count.
        Instant end = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        report = analysis.analyse(exam.getValue().examId(), start, end);
        exportRequest = new ExportRequest(report.examId(), start, end, flaggedOnly.getValue());
        export.setEnabled(!report.items().isEmpty());
        summary.setText(report.attempts() == 0 ? getTranslation("analysis.none")
                : getTranslation("analysis.summary", report.attempts(), report.items().size(), report.flaggedOnly().size(),
                report.minResponses()));
        grid.setEmptyStateText(getTranslation(report.attempts() == 0 ? "analysis.none" : "analysis.no-flagged"));
        showItems();
    }

    private void showItems() {
        if (report == null) {
            return;
        }
        ExportRequest request = exportRequest;
        exportRequest = new ExportRequest(request.examId(), request.from(), request.to(), flaggedOnly.getValue());
        grid.setItems(flaggedOnly.getValue() ? report.flaggedOnly() : report.items());
        showDetail(null);
    }

    private void showDetail(ItemStatistics item) {
        detail.removeAll();
        if (item == null) {
            detail.add(new Paragraph(getTranslation("analysis.detail.hint")));
            return;
        }
        Locale locale = getLocale();
        detail.add(new H3(getTranslation("analysis.detail.title", item.itemId(), item.version())),
                new Paragraph(item.stem().in(locale)), new H4(getTranslation("analysis.detail.options")));
        for (OptionCount option : item.options()) {
            detail.add(optionRow(item, option, locale));
        }
        detail.add(new Paragraph(getTranslation("analysis.detail.unanswered", item.unanswered())));
        if (item.flagged()) {
            UnorderedList reasons = new UnorderedList();
            item.flags().forEach(flag -> reasons.add(new ListItem(getTranslation(flag.labelKey()) + ": " + reason(flag, item))));
            detail.add(new H4(getTranslation("analysis.detail.reasons")), reasons);
        }
        // Below the grid the detail is out of sight on a phone: bring it into view.
        detail.scrollIntoView();
    }

    private Div optionRow(ItemStatistics item, OptionCount option, Locale locale) {
        String label = item.type() == ItemType.TRUE_FALSE ? option.text().in(locale)
                : getTranslation("analysis.detail.option", option.optionId().toUpperCase(Locale.ROOT), option.text().in(locale));
        int percent = item.n() == 0 ? 0 : Math.round(option.count() * 100f / item.n());
        Paragraph text = new Paragraph(label);
        if (option.key()) {
            Span key = new Span(getTranslation("analysis.detail.key"));
            key.getElement().getThemeList().add("badge success");
            text.addComponentAsFirst(key);
            key.getStyle().set("margin-inline-end", "var(--lumo-space-s)");
        }
        Span count = new Span(getTranslation("analysis.detail.count", option.count(), percent));
        count.addClassName("mamori-muted");
        // The bar repeats the count in the text beside it, so screen readers skip it.
        Div bar = new Div();
        bar.addClassName("mamori-bar");
        bar.getStyle().set("width", percent + "%");
        if (option.key()) {
            bar.getStyle().set("background", "var(--lumo-success-color)");
        }
        Div track = new Div(bar);
        track.addClassName("mamori-bar-track");
        track.getElement().setAttribute("aria-hidden", "true");
        Div row = new Div(text, track, count);
        row.addClassName("mamori-option-count");
        return row;
    }

    private String reason(ItemFlag flag, ItemStatistics item) {
        return switch (flag) {
            case FEW_RESPONSES -> getTranslation(flag.reasonKey(), report.minResponses());
            case UNCHOSEN_DISTRACTOR -> getTranslation(flag.reasonKey(), item.unchosenDistractors().stream()
                    .map(id -> id.toUpperCase(Locale.ROOT)).collect(Collectors.joining(", ")));
            default -> getTranslation(flag.reasonKey());
        };
    }

    private String flagLabels(ItemStatistics item) {
        return item.flags().stream().map(flag -> getTranslation(flag.labelKey())).collect(Collectors.joining(" / "));
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String discrimination(ItemStatistics item) {
        return item.discrimination().isPresent() ? decimal(item.discrimination().getAsDouble()) : UNDEFINED;
    }

    @Override
    protected String titleKey() {
        return "analysis.title";
    }

    private record ExportRequest(String examId, Instant from, Instant to, boolean flaggedOnly) {
    }
}
