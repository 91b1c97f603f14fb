package jp.mamori.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import jp.mamori.shared.Role;
import jp.mamori.shared.i18n.LanguagePreferences;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The language a person picks is kept with the account, and only they can change or read it. */
@MamoriIntegrationTest
class UserLanguagesIT {

    @Autowired
    LanguagePreferences languages;
    @Autowired
    TestUsers users;


    @Test
    void a_chosen_language_is_remembered_for_the_next_session() {
        long id = users.loginAs("speaks-english@example.jp", Role.LEARNER).id();
        assertThat(languages.of(id)).isEmpty();

        languages.remember(id, Locale.forLanguageTag("en-GB"));

        TestUsers.logout();
        users.loginAs("speaks-english@example.jp", Role.LEARNER);
        assertThat(languages.of(id)).contains(Locale.ENGLISH);
    }

    @Test
    void nobody_changes_or_reads_another_persons_language() {
        long other = users.create("other-language@example.jp", Role.LEARNER);
        users.loginAs("nosy@example.jp", Role.TRAINING_ADMIN);

        assertThatThrownBy(() -> languages.remember(other, Locale.ENGLISH)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> languages.of(other)).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void an_unsupported_language_is_refused() {
        long id = users.loginAs("speaks-french@example.jp", Role.LEARNER).id();

        assertThatThrownBy(() -> languages.remember(id, Locale.FRENCH)).isInstanceOf(IllegalArgumentException.class);
    }
}
