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
}
