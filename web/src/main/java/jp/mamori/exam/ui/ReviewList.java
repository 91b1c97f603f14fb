package jp.mamori.exam.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import jp.mamori.exam.AttemptReview;

/**
 * After a closed attempt, when the exam allows it: every question with the candidate's answer, the key, why each
 * option is right or wrong, and the reference. Marks are words, not only colours, so screen readers say them too.
 */
class ReviewList extends Div {

    ReviewList(AttemptReview review) {
        add(new H3(getTranslation("exam.review")));
        for (AttemptReview.Question question : review.questions()) {
            UnorderedList choices = new UnorderedList();
            for (AttemptReview.Choice choice : question.choices()) {
                StringBuilder line = new StringBuilder(choice.text().in(getLocale()));
                if (choice.key()) {
                    line.append(" ").append(getTranslation("exam.review.key"));
                }
                if (choice.chosen()) {
                    line.append(" ").append(getTranslation("exam.review.chosen"));
                }
                ListItem item = new ListItem(line.toString());
                if (choice.why() != null) {
                    Paragraph why = new Paragraph(choice.why().in(getLocale()));
                    why.addClassName("mamori-muted");
                    item.add(why);
                }
                choices.add(item);
            }
            Div body = new Div(new Paragraph(question.stem().in(getLocale())), choices);
            if (question.rationale() != null) {
                body.add(new Paragraph(getTranslation("exam.review.rationale", question.rationale().in(getLocale()))));
            }
            if (question.reference() != null) {
                Paragraph reference = new Paragraph(getTranslation("exam.review.reference", question.reference()));
                reference.addClassName("mamori-muted");
                body.add(reference);
            }
            Details details = new Details(getTranslation("exam.review.summary", question.position() + 1,
                    getTranslation(question.correct() ? "exam.review.right" : "exam.review.wrong")), body);
            details.setWidthFull();
            add(details);
        }
    }
}
