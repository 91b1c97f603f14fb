package jp.mamori.exam.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import jp.mamori.exam.Accommodations;
import jp.mamori.exam.ExamDefinition;
import jp.mamori.exam.ExamDefinitions;
import jp.mamori.exam.ExamWindows;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.Page;

/**
 * The training administrator's exam settings: publish a new version of an exam's definition, open and cancel the
 * windows candidates book, and grant extra time to named candidates.
 */
@Route("admin/exams")
@Menu(title = "exam.admin.title", order = 13, icon = "DIPLOMA")
@RolesAllowed(Role.Names.TRAINING_ADMIN)
public class ExamAdminView extends Page {

    private final ExamDefinitions definitions;
    private final ExamWindows windows;
    private final Accommodations accommodations;
    private final Select<ExamDefinition> exam = new Select<>();
    private final Div panels = new Div();

    public ExamAdminView(ExamDefinitions definitions, ExamWindows windows, Accommodations accommodations) {
        this.definitions = definitions;
        this.windows = windows;
        this.accommodations = accommodations;
        heading();
        exam.setLabel(getTranslation("exam.admin.exam"));
        exam.setItemLabelGenerator(d -> d.name(getLocale()));
        exam.setWidth("min(100%, 30em)");
        panels.setWidthFull();
        add(exam, panels);
        List<ExamDefinition> current = definitions.current();
        exam.setItems(current);
        exam.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue().examId());
            }
        });
        if (!current.isEmpty()) {
            exam.setValue(current.getFirst());
        }
    }

    private void show(String examId) {
        panels.removeAll();
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("exam.admin.settings"), new DefinitionPanel(definitions, examId, this::published));
        tabs.add(getTranslation("exam.admin.windows"), new WindowsPanel(windows, examId));
        tabs.add(getTranslation("exam.admin.accommodations"), new AccommodationsPanel(accommodations, examId));
        panels.add(tabs);
    }

    private void published(ExamDefinition version) {
        List<ExamDefinition> current = definitions.current();
        exam.setItems(current);
        current.stream().filter(d -> d.examId().equals(version.examId())).findFirst().ifPresent(exam::setValue);
    }

    @Override
    protected String titleKey() {
        return "exam.admin.title";
    }
}
