package jp.mamori.questionbank;

import java.util.Locale;

/** A text in Japanese (always) and English (optional). */
public record LocalizedText(String ja, String en) {

    public static LocalizedText of(String ja) {
        return new LocalizedText(ja, null);
    }

    /** The text for the reader's language, falling back to Japanese when there is no English. */
    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : ja;
    }
}
