package jp.mamori.shared.ui;

import jp.mamori.shared.FiscalYears;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;

/** Times as people read them: in the person's zone (Japan time by default), formatted for the page's language. */
public final class Formats {

    public static final ZoneId DEFAULT_ZONE = FiscalYears.JAPAN;

    private Formats() {
    }

    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone()).format(instant);
    }

    /** The signed-in person's zone (Japan time when nobody is signed in). */
    public static ZoneId zone() {
        return CurrentPrincipal.get().map(MamoriPrincipal::zone).orElse(DEFAULT_ZONE);
    }

    /** Message parameters as people read them: instants as local date and time, anything else as it is. */
    public static Object[] params(Locale locale, Object... params) {
        Object[] shown = params.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Instant instant) {
                shown[i] = dateTime(instant, locale);
            }
        }
        return shown;
    }
}
