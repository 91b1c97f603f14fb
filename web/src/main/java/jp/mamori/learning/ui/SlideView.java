package jp.mamori.learning.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Map;
import java.util.function.UnaryOperator;
import jp.mamori.content.Chart;
import jp.mamori.content.MarkdownHtml;
import jp.mamori.content.Slide;
import jp.mamori.content.SlidePart;
import jp.mamori.content.Templates;

/** One slide: its title, its text (Markdown rendered with raw HTML escaped), its charts with data tables, its sources. */
class SlideView extends Div {

    /**
     * @param images maps an image path of the deck folder to the URL to show it by (see {@link SlideImages})
     */
    SlideView(Slide slide, Map<String, String> templateValues, UnaryOperator<String> images) {
        MarkdownHtml markdownHtml = new MarkdownHtml(images);
        addClassName("mamori-slide");
        add(new H2(Templates.fill(slide.title(), templateValues)));
        int chart = 0;
        for (SlidePart part : slide.parts()) {
            switch (part) {
                case SlidePart.Markdown markdown ->
                        add(new Html("<div class=\"mamori-slide-text\">" + markdownHtml.render(Templates.fill(markdown.text(), templateValues)) + "</div>"));
                case SlidePart.ChartPart chartPart -> add(chart(chartPart.chart(), "chart-" + slide.number() + "-" + chart++));
            }
        }
        if (!slide.sources().isEmpty()) {
            Paragraph label = new Paragraph(getTranslation("player.sources"));
            label.addClassName("mamori-muted");
            UnorderedList sources = new UnorderedList();
            slide.sources().forEach(source -> sources.add(new ListItem(source)));
            Div footer = new Div(label, sources);
            footer.addClassName("mamori-slide-sources");
            add(footer);
        }
    }

    private Div chart(Chart chart, String id) {
        StringBuilder table = new StringBuilder("<table class=\"mamori-chart-table\"><caption>")
                .append(ChartSvg.escape(chart.title())).append("</caption><thead><tr><th scope=\"col\">")
                .append(ChartSvg.escape(getTranslation("player.chart.item"))).append("</th><th scope=\"col\">")
                .append(ChartSvg.escape(getTranslation("player.chart.value"))).append("</th></tr></thead><tbody>");
        for (Chart.Row row : chart.rows()) {
            table.append("<tr><td>").append(ChartSvg.escape(row.label())).append("</td><td>")
                    .append(ChartSvg.escape(ChartSvg.value(row, chart))).append("</td></tr>");
        }
        table.append("</tbody></table>");
        Details data = new Details(getTranslation("player.chart.data"), new Html(table.toString()));
        Paragraph source = new Paragraph(getTranslation("player.chart.source", chart.source()));
        source.addClassName("mamori-muted");
        Div box = new Div(new Html("<div class=\"mamori-chart\">" + ChartSvg.render(chart, id) + "</div>"), source, data);
        box.addClassName("mamori-chart-box");
        return box;
    }
}
