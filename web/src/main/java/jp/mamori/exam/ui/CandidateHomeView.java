package jp.mamori.exam.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.mamori.evidence.EvidenceLedger;
import jp.mamori.evidence.ui.PersonalHomePage;
import jp.mamori.exam.ExamAttempts;
import jp.mamori.exam.ExamDefinition;
import jp.mamori.shared.Role;
import jp.mamori.shared.ui.RoleHome;

/** The CANDIDATE home: the exams that can be sat (or resumed) now, and the person's own evidence records. */
@Route("candidate")
@Menu(title = "home.candidate.title", order = 22, icon = "DIPLOMA")
@RolesAllowed(Role.Names.CANDIDATE)
@RoleHome(Role.CANDIDATE)
public class CandidateHomeView extends PersonalHomePage {

    public CandidateHomeView(EvidenceLedger ledger, ExamAttempts attempts) {
        super(ledger, "home.candidate");
        Div exams = new Div();
        exams.addClassName("mamori-programme");
        for (ExamDefinition exam : attempts.exams()) {
            String name = getLocale().getLanguage().equals("en") ? exam.nameEn() : exam.nameJa();
            Button start = new Button(getTranslation("exam.start"), e -> getUI().ifPresent(ui -> ui.navigate(ExamView.class, exam.examId())));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.setAriaLabel(getTranslation("exam.start") + ": " + name);
            Div card = new Div(new H3(name), new Paragraph(getTranslation("exam.facts", exam.form().items(),
                    exam.timeLimit().toMinutes(), exam.passMark())), start);
            card.addClassName("mamori-card");
            exams.add(card);
        }
        addComponentAtIndex(2, new H3(getTranslation("exam.available")));
        addComponentAtIndex(3, exams);
    }
}
