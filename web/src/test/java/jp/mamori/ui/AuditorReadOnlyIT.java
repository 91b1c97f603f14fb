package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasUrlParameter;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every view the AUDITOR may open — found from the annotations, so views added later are covered too — offers the
 * auditor nothing that writes: only reading, verifying, filtering, details and downloads.
 */
class AuditorReadOnlyIT extends MamoriBrowserlessTest {

    /** Buttons that read: verify the chain, open details, close a dialog. Downloads are links, not buttons. */
    private static final Set<String> READING = Set.of("台帳を検証", "詳細", "閉じる", "検索", "絞り込む");

    @Autowired
    TestUsers users;

    @Test
    void no_view_of_the_auditor_offers_a_button_that_changes_data() {
        users.create("readonly-examiner@example.jp", Role.EXAMINER);
        users.loginAs("readonly-auditor@example.jp", Role.AUDITOR);
        List<Class<?>> views = AccessMatrixTest.routeClasses().stream()
                .filter(view -> view.isAnnotationPresent(RolesAllowed.class)
                        && Arrays.asList(view.getAnnotation(RolesAllowed.class).value()).contains(Role.Names.AUDITOR))
                .filter(view -> !HasUrlParameter.class.isAssignableFrom(view))
                .toList();
        assertThat(views).hasSizeGreaterThanOrEqualTo(8);
        for (Class<?> view : views) {
            @SuppressWarnings("unchecked")
            Class<? extends Component> route = (Class<? extends Component>) view;
            UI.getCurrent().navigate(route);
            assertThat(getCurrentView().getClass()).isEqualTo(view);
            assertThat($view(Button.class).all()).as(view.getSimpleName())
                    .allSatisfy(button -> assertThat(READING).as(view.getSimpleName() + ": " + button.getText()).contains(button.getText()));
            assertThat($view(TextArea.class).all()).as(view.getSimpleName()).isEmpty();
        }
    }
}
