package jp.mamori.certification.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import jp.mamori.certification.Certificates;

/** Certificate dates as the page's language writes them, always the Japanese calendar day printed on the certificate. */
final class CertificateDates {

    private CertificateDates() {
    }

    static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .withZone(Certificates.CERTIFICATE_ZONE).format(instant);
    }

    /** The short form for tables (2026/11/20, Nov 20, 2026). */
    static String shortDate(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(Certificates.CERTIFICATE_ZONE).format(instant);
    }
}
