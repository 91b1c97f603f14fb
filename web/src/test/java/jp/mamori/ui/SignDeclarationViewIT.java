package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import jp.mamori.attestation.ui.ExaminerHomeView;
import jp.mamori.attestation.ui.SignDeclarationView;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An examiner signs the rules declaration from their home: every statement ticked and the password typed again. */
class SignDeclarationViewIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;

    @Test
    void an_unticked_statement_is_refused_and_a_complete_signature_shows_as_signed_at_home() {
        users.loginAs("ui-decl@example.jp", Role.EXAMINER);
        navigate(ExaminerHomeView.class);
        assertThat($view(Paragraph.class).all()).filteredOn(p -> p.getText().equals("未署名")).hasSize(3);

        navigate(SignDeclarationView.class, "rules-read");
        java.util.List<Checkbox> boxes = $view(Checkbox.class).all();
        test($view(PasswordField.class).single()).setValue(TestUsers.PASSWORD);
        test($view(Button.class).withText("読んで署名する").single()).click();
        assertThat($(Notification.class).last().getElement().getProperty("text")).startsWith("確認していない項目があります");

        boxes.forEach(box -> test(box).click());
        test($view(PasswordField.class).single()).setValue(TestUsers.PASSWORD);
        test($view(Button.class).withText("読んで署名する").single()).click();

        assertThat(getCurrentView()).isInstanceOf(ExaminerHomeView.class);
        assertThat($view(Paragraph.class).all()).filteredOn(p -> p.getText().startsWith("署名済み")).hasSize(1);
        assertThat($view(Paragraph.class).all()).filteredOn(p -> p.getText().equals("未署名")).hasSize(2);
    }
}
