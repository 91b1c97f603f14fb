package jp.mamori.shared.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import jp.mamori.shared.security.CurrentPrincipal;
import jp.mamori.shared.security.MamoriPrincipal;

/** Times as people read them: in the person's zone (Japan time by default), formatted for the page's language. */
public final class Formats {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

    private Formats() {
    }

    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(CurrentPrincipal.get().map(MamoriPrincipal::zone).orElse(DEFAULT_ZONE))
                .format(instant);
    }
}
