package jp.mamori.content;

import java.util.List;

/** One slide: its title, its body as Markdown and chart parts in order, and the sources of its figures. */
public record Slide(int number, int line, String title, List<SlidePart> parts, List<String> sources) {

    public Slide {
        parts = List.copyOf(parts);
        sources = List.copyOf(sources);
    }
}
