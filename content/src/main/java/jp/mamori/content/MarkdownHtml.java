package jp.mamori.content;

import java.util.List;
import java.util.function.UnaryOperator;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns slide Markdown into HTML that is safe to show: raw HTML is escaped (shown as text, never run),
 * link and image URLs with unsafe schemes are dropped, and images point where the app serves them.
 */
public final class MarkdownHtml {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer renderer;

    /** @param imageUrl maps an image path inside the deck folder ({@code images/x.png}) to the URL the browser loads */
    public MarkdownHtml(UnaryOperator<String> imageUrl) {
        this.renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Image && attributes.containsKey("src")) {
                        attributes.put("src", imageUrl.apply(attributes.get("src")));
                        attributes.put("loading", "lazy");
                    }
                })
                .build();
    }

    public String render(String markdown) {
        Node document = PARSER.parse(markdown);
        return renderer.render(document);
    }
}
