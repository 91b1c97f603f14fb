package jp.mamori.shared.i18n;

import java.util.Locale;
import java.util.Optional;

/** Where a person's chosen language is kept between sessions; the identity module stores it with the account. */
public interface LanguagePreferences {

    Optional<Locale> of(long userId);

    void remember(long userId, Locale locale);
}
