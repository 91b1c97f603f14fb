package jp.mamori.shared.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Times as people read them: in Japan time (DESIGN.md §3), formatted for the page's language. */
public final class Formats {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private Formats() {
    }

    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZONE).format(instant);
    }
}
