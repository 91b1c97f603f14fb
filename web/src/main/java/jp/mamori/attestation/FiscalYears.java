package jp.mamori.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Which fiscal year a moment falls in (Japan time); the year starts on a configurable day, 1 April by default. */
@Component
class FiscalYears {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final MonthDay start;

    FiscalYears(@Value("${mamori.fiscal-year-start:--04-01}") MonthDay start) {
        this.start = start;
    }

    /** The fiscal year named by the calendar year it starts in (FY2026 = 1 April 2026 to 31 March 2027 by default). */
    int of(Instant instant) {
        LocalDate day = instant.atZone(JAPAN).toLocalDate();
        return start.atYear(day.getYear()).isAfter(day) ? day.getYear() - 1 : day.getYear();
    }
}
