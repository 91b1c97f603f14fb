package jp.mamori.assignment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.mamori.assignment.EducationPlan;
import jp.mamori.assignment.EducationPlans;
import jp.mamori.assignment.ItemKind;
import jp.mamori.assignment.PlanException;
import jp.mamori.assignment.PlanLine;
import jp.mamori.catalog.DeckCatalog;
import jp.mamori.exam.ExamDefinitions;
import jp.mamori.identity.DepartmentSummary;
import jp.mamori.identity.People;
import jp.mamori.shared.FiscalYears;
import jp.mamori.shared.Role;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;
import jp.mamori.shared.ui.Formats;
import jp.mamori.shared.ui.Page;

/**
 * The education plan of a fiscal year: its revisions and lines; the training administrator drafts, changes and
 * submits; the privacy officer approves or returns with a comment; the auditor reads.
 */
@Route("admin/plans")
@Menu(title = "plan.title", order = 9, icon = "CALENDAR")
@RolesAllowed({Role.Names.TRAINING_ADMIN, Role.Names.PRIVACY_OFFICER, Role.Names.AUDITOR})
public class PlansView extends Page {

    private final EducationPlans plans;
    private final People people;
    private final FiscalYears fiscalYears;
    private final Map<ItemKind, Map<String, String>> items = new EnumMap<>(ItemKind.class);
    private final Map<Long, String> departments;
    private final Map<Long, String> names;
    private final Select<Integer> year = new Select<>();
    private final Grid<EducationPlan> revisions = new Grid<>();
    private final Div detail = new Div();
    private final Div actions = new Div();
    private final boolean admin;
    private final boolean officer;

    public PlansView(EducationPlans plans, People people, DeckCatalog decks, ExamDefinitions exams, FiscalYears fiscalYears) {
        this.plans = plans;
        this.people = people;
        this.fiscalYears = fiscalYears;
        MamoriPrincipal me = CurrentPrincipal.require();
        admin = me.roles().contains(Role.TRAINING_ADMIN);
        officer = me.roles().contains(Role.PRIVACY_OFFICER);
        Map<String, String> deckNames = new LinkedHashMap<>();
        for (String audience : new String[] {"employee", "examiner"}) {
            decks.latest(audience).forEach(d -> deckNames.put(d.id(), d.deck().title().in(getLocale())));
        }
        items.put(ItemKind.DECK, deckNames);
        items.put(ItemKind.EXAM, exams.current().stream().collect(Collectors.toMap(e -> e.examId(), e -> e.name(getLocale()),
                (a, b) -> a, LinkedHashMap::new)));
        items.put(ItemKind.EXAMINER_CURRICULUM, Map.of(EducationPlans.EXAMINER_CURRICULUM, getTranslation("plan.kind.EXAMINER_CURRICULUM")));
        departments = people.departments().stream().collect(Collectors.toMap(DepartmentSummary::id, DepartmentSummary::name));
        names = people.withRole(Role.LEARNER).stream().collect(Collectors.toMap(p -> p.id(), p -> p.name(), (a, b) -> a));
        people.withRole(Role.EXAMINER).forEach(p -> names.putIfAbsent(p.id(), p.name()));

        heading();
        add(new Paragraph(getTranslation("plan.explain")));
        int current = plans.currentYear();
        year.setLabel(getTranslation("plan.year"));
        year.setItems(IntStream.rangeClosed(current - 2, current + 1).boxed().toList());
        year.setItemLabelGenerator(y -> getTranslation("plan.year.value", y));
        year.setValue(current);
        year.addValueChangeListener(e -> reload(Optional.empty()));
        revisions.setAriaLabel(getTranslation("plan.revisions"));
        revisions.setAllRowsVisible(true);
        revisions.addColumn(p -> getTranslation("plan.revision", p.revision())).setHeader(getTranslation("plan.revisions")).setAutoWidth(true);
        revisions.addColumn(EducationPlan::title).setHeader(getTranslation("plan.name")).setFlexGrow(1);
        revisions.addColumn(p -> getTranslation(p.status().labelKey())).setHeader(getTranslation("plan.status")).setAutoWidth(true);
        revisions.setEmptyStateText(getTranslation("plan.none"));
        revisions.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        FlexLayout top = new FlexLayout(year);
        top.getStyle().set("gap", "var(--lumo-space-m)");
        if (admin) {
            Button edit = new Button(getTranslation("plan.edit"), e -> run(() -> {
                EducationPlan draft = plans.draft(year.getValue());
                reload(Optional.of(draft.id()));
                new PlanEditor(draft).open();
            }));
            top.add(edit);
            top.setAlignItems(FlexLayout.Alignment.END);
        }
        add(top, revisions, actions, detail);
        reload(Optional.empty());
    }

    private void reload(Optional<Long> select) {
        List<EducationPlan> list = plans.of(year.getValue());
        revisions.setItems(list);
        Optional<EducationPlan> chosen = select.flatMap(id -> list.stream().filter(p -> p.id() == id).findFirst())
                .or(() -> list.stream().findFirst());
        chosen.ifPresentOrElse(revisions::select, () -> show(null));
    }

    private void show(EducationPlan plan) {
        detail.removeAll();
        actions.removeAll();
        if (plan == null) {
            return;
        }
        detail.add(new H3(plan.title() + " — " + getTranslation(plan.status().labelKey())));
        plan.decidedBy().ifPresent(by -> detail.add(new Paragraph(getTranslation("plan.decided", by,
                plan.decidedAt().map(at -> Formats.dateTime(at, getLocale())).orElse("")))));
        plan.comment().ifPresent(comment -> detail.add(new Paragraph(getTranslation("plan.comment", comment))));
        detail.add(lines(plan.lines()));
        if (admin && (plan.status() == EducationPlan.Status.DRAFT || plan.status() == EducationPlan.Status.RETURNED)) {
            Button submit = new Button(getTranslation("plan.submit"), e -> run(() -> {
                plans.submit(plan.id());
                notify("plan.submitted");
                reload(Optional.of(plan.id()));
            }));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(new Button(getTranslation("plan.edit"), e -> new PlanEditor(plan).open()), submit);
        }
        if (officer && plan.status() == EducationPlan.Status.SUBMITTED) {
            Button approve = new Button(getTranslation("plan.approve"), e -> run(() -> {
                plans.approve(plan.id());
                notify("plan.approved");
                reload(Optional.of(plan.id()));
            }));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            actions.add(approve, new Button(getTranslation("plan.return"), e -> returnDialog(plan)));
        }
    }

    private Grid<PlanLine> lines(List<PlanLine> lines) {
        Grid<PlanLine> grid = new Grid<>();
        grid.setAriaLabel(getTranslation("plan.lines"));
        grid.setAllRowsVisible(true);
        grid.addColumn(l -> getTranslation(l.kind().labelKey()) + ": " + items.getOrDefault(l.kind(), Map.of()).getOrDefault(l.itemId(), l.itemId()))
                .setHeader(getTranslation("plan.line.what")).setFlexGrow(2);
        grid.addColumn(this::who).setHeader(getTranslation("plan.line.who")).setFlexGrow(2);
        grid.addColumn(l -> l.periodStart() + " – " + l.periodEnd()).setHeader(getTranslation("plan.line.period")).setAutoWidth(true);
        grid.addColumn(PlanLine::due).setHeader(getTranslation("plan.line.due")).setAutoWidth(true);
        grid.addColumn(l -> l.recurring() ? "✓" : "").setHeader(getTranslation("plan.line.recurring")).setAutoWidth(true);
        grid.setItems(lines);
        return grid;
    }

    private String who(PlanLine line) {
        List<String> parts = new ArrayList<>();
        if (!line.roles().isEmpty()) {
            parts.add(getTranslation("plan.target.roles", line.roles().stream().map(r -> getTranslation(r.labelKey())).sorted()
                    .collect(Collectors.joining("、"))));
        }
        if (!line.departments().isEmpty()) {
            parts.add(getTranslation("plan.target.departments", line.departments().stream()
                    .map(id -> departments.getOrDefault(id, "#" + id)).sorted().collect(Collectors.joining("、"))));
        }
        if (!line.people().isEmpty()) {
            parts.add(getTranslation("plan.target.people", line.people().stream().map(id -> names.getOrDefault(id, "#" + id)).sorted()
                    .collect(Collectors.joining("、"))));
        }
        return String.join(" / ", parts);
    }

    private void returnDialog(EducationPlan plan) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("plan.return"));
        TextArea comment = new TextArea(getTranslation("plan.return.comment"));
        comment.setWidthFull();
        comment.setMaxLength(2000);
        dialog.add(comment);
        Button send = new Button(getTranslation("plan.return"), e -> {
            try {
                plans.returnToDraft(plan.id(), comment.getValue());
                dialog.close();
                notify("plan.returned");
                reload(Optional.of(plan.id()));
            } catch (PlanException problem) {
                comment.setErrorMessage(getTranslation(problem.messageKey(), problem.params()));
                comment.setInvalid(true);
            }
        });
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    /** Title and lines of a draft: lines are added and removed here and saved together, checked as a whole. */
    private final class PlanEditor extends Dialog {

        PlanEditor(EducationPlan plan) {
            setHeaderTitle(getTranslation("plan.revision", plan.revision()) + " — " + getTranslation("plan.year.value", plan.fiscalYear()));
            setWidth("min(72rem, 100vw)");
            TextField title = new TextField(getTranslation("plan.name"), plan.title(), "");
            title.setWidthFull();
            List<PlanLine> edited = new ArrayList<>(plan.lines());
            Grid<PlanLine> grid = lines(edited);
            grid.addComponentColumn(l -> {
                Button remove = new Button(getTranslation("plan.remove-line"), e -> {
                    edited.remove(l);
                    grid.setItems(edited);
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                return remove;
            }).setAutoWidth(true);
            Button addLine = new Button(getTranslation("plan.add-line"), e -> new PlanLineDialog(items, people.departments(),
                    people.members(), fiscalYears.firstDay(plan.fiscalYear()), fiscalYears.lastDay(plan.fiscalYear()), line -> {
                        edited.add(line);
                        grid.setItems(edited);
                    }).open());
            add(title, grid, addLine);
            Button save = new Button(getTranslation("plan.save"), e -> run(() -> {
                plans.save(plan.id(), title.getValue(), edited);
                close();
                PlansView.this.notify("plan.saved");
                reload(Optional.of(plan.id()));
            }));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
        }
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (PlanException problem) {
            Notification.show(getTranslation(problem.messageKey(), problem.params()), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void notify(String key) {
        Notification.show(getTranslation(key), 5000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    protected String titleKey() {
        return "plan.title";
    }
}
