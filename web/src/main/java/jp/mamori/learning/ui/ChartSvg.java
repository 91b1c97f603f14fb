package jp.mamori.learning.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import jp.mamori.content.Chart;

/**
 * Draws a deck chart as inline SVG on the server (no JavaScript chart library): horizontal or vertical bars,
 * each labelled with its value. The data table beside it carries the same figures for screen readers.
 */
public final class ChartSvg {

    private static final int WIDTH = 640;
    private static final int ROW = 36;
    private static final int LABEL = 200;

    private ChartSvg() {
    }

    public static String render(Chart chart, String id) {
        BigDecimal max = chart.rows().stream().map(Chart.Row::value).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        if (max.signum() <= 0) {
            max = BigDecimal.ONE;
        }
        return chart.type() == Chart.Type.HBAR ? horizontal(chart, id, max) : vertical(chart, id, max);
    }

    private static String horizontal(Chart chart, String id, BigDecimal max) {
        int height = chart.rows().size() * ROW + 10;
        StringBuilder svg = open(id, chart, WIDTH, height);
        int y = 5;
        for (Chart.Row row : chart.rows()) {
            int length = scale(row.value(), max, WIDTH - LABEL - 110);
            svg.append(text(LABEL - 8, y + 22, "end", row.label()))
                    .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 6).append("\" width=\"").append(length)
                    .append("\" height=\"").append(ROW - 12).append("\" rx=\"3\" fill=\"var(--lumo-primary-color, #1a73e8)\"/>")
                    .append(text(LABEL + length + 8, y + 22, "start", value(row, chart)));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String vertical(Chart chart, String id, BigDecimal max) {
        int height = 300;
        int plot = height - 70;
        int slot = (WIDTH - 20) / chart.rows().size();
        StringBuilder svg = open(id, chart, WIDTH, height);
        int x = 10;
        for (Chart.Row row : chart.rows()) {
            int bar = scale(row.value(), max, plot - 20);
            int barWidth = Math.max(12, slot - 24);
            svg.append("<rect x=\"").append(x + (slot - barWidth) / 2).append("\" y=\"").append(plot - bar + 20)
                    .append("\" width=\"").append(barWidth).append("\" height=\"").append(bar)
                    .append("\" rx=\"3\" fill=\"var(--lumo-primary-color, #1a73e8)\"/>")
                    .append(text(x + slot / 2, plot - bar + 14, "middle", value(row, chart)))
                    .append(text(x + slot / 2, plot + 40, "middle", row.label()));
            x += slot;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, Chart chart, int width, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"")
                .append(id).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" style=\"width:100%;max-width:").append(width).append("px;height:auto\" font-size=\"14\">")
                .append("<title id=\"").append(id).append("\">").append(escape(chart.title())).append("</title>");
    }

    private static String text(int x, int y, String anchor, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor
                + "\" fill=\"var(--lumo-body-text-color, #222)\">" + escape(content) + "</text>";
    }

    private static int scale(BigDecimal value, BigDecimal max, int length) {
        return value.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(length)).divide(max, 0, RoundingMode.HALF_UP).intValue();
    }

    /** The figure as printed: whole numbers with thousands separators, decimals as written, then the unit. */
    static String value(Chart.Row row, Chart chart) {
        BigDecimal value = row.value().stripTrailingZeros();
        String number = value.scale() <= 0 ? String.format("%,d", value.toBigInteger()) : value.toPlainString();
        return number + chart.unit();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
