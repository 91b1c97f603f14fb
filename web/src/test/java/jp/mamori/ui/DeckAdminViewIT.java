package jp.mamori.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.mamori.identity.TestUsers;
import jp.mamori.learning.ui.DeckAdminView;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The training administrator sees the published decks and gets every problem of a bad upload listed. */
class DeckAdminViewIT extends MamoriBrowserlessTest {

    @Autowired
    TestUsers users;

    @BeforeEach
    void admin() {
        users.loginAs("deck-admin-view@example.jp", Role.TRAINING_ADMIN);
        VaadinSession.getCurrent().setLocale(Locale.JAPANESE);
        UI.getCurrent().setLocale(Locale.JAPANESE);
    }


    @Test
    void the_published_decks_are_listed() {
        navigate(DeckAdminView.class);

        assertThat(test($view(Grid.class).single()).size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void a_bad_upload_lists_its_problems_and_offers_no_publish_button() throws Exception {
        navigate(DeckAdminView.class);

        test($view(Upload.class).single()).upload("bad.zip", "application/zip", zip("deck/deck.md", "no front matter"));

        assertThat($view(Paragraph.class).all()).anyMatch(p -> p.getText().startsWith("公開できません。"));
        assertThat($view(ListItem.class).all()).anyMatch(li -> li.getText().startsWith("deck/deck.md:1:"));
        assertThat($view(Button.class).withText("公開する").all()).isEmpty();
    }

    private static byte[] zip(String name, String content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
