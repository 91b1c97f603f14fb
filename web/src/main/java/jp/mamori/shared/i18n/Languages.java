package jp.mamori.shared.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Mamori speaks: Japanese first, English second. */
public final class Languages {

    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(JAPANESE, ENGLISH);
    /** Remembers a visitor's choice before login. */
    public static final String COOKIE = "mamori-lang";

    private Languages() {
    }

    /** The supported locale for a language tag or locale ("en-US" gives English), if any. */
    public static Optional<Locale> supported(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(languageTag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }
}
