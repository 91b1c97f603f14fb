package jp.mamori.content;

/** A piece of a slide's body: Markdown text or a chart. */
public sealed interface SlidePart {

    /** Markdown (CommonMark with tables); rendered with raw HTML escaped. */
    record Markdown(String text) implements SlidePart {
    }

    /** A chart drawn by the app, with its data also shown as a table. */
    record ChartPart(Chart chart) implements SlidePart {
    }
}
