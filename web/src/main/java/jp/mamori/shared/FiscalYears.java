package jp.mamori.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which fiscal year a moment falls in (Japan time). The year starts on a configurable day, 1 April by default;
 * annual training, examiner curricula, declarations and education plans all fall due again with each new year.
 */
@Component
public class FiscalYears {

    /** The zone days are counted in: fiscal years, due dates and certificate dates are Japanese days. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final MonthDay start;

    public FiscalYears(@Value("${mamori.fiscal-year-start:--04-01}") MonthDay start) {
        this.start = start;
    }

    /** The fiscal year named by the calendar year it starts in (FY2026 = 1 April 2026 to 31 March 2027 by default). */
    public int of(Instant instant) {
        return of(instant.atZone(JAPAN).toLocalDate());
    }

    public int of(LocalDate day) {
        return start.atYear(day.getYear()).isAfter(day) ? day.getYear() - 1 : day.getYear();
    }

    /** The first day of the fiscal year. */
    public LocalDate firstDay(int fiscalYear) {
        return start.atYear(fiscalYear);
    }

    /** The last day of the fiscal year (31 March of the next calendar year by default). */
    public LocalDate lastDay(int fiscalYear) {
        return firstDay(fiscalYear + 1).minusDays(1);
    }
}
