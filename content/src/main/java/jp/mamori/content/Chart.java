package jp.mamori.content;

import java.math.BigDecimal;
import java.util.List;

/** A bar chart of a few labelled values, with the source of its figures. */
public record Chart(Type type, String title, String unit, List<Row> rows, String source) {

    public enum Type {
        BAR,
        HBAR
    }

    public record Row(String label, BigDecimal value) {
    }

    public Chart {
        rows = List.copyOf(rows);
    }
}
