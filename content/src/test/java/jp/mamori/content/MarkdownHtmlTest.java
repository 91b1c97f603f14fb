package jp.mamori.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownHtmlTest {

    private final MarkdownHtml html = new MarkdownHtml(path -> "/deck-assets/demo/3/" + path);

    @Test
    void raw_html_and_scripts_are_shown_as_text_never_run() {
        String out = html.render("危険 <script>alert(1)</script> <img src=x onerror=alert(1)>");

        assertThat(out).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
    }

    @Test
    void javascript_links_lose_their_target_and_safe_links_keep_it() {
        String out = html.render("[a](javascript:alert(1)) [b](https://example.jp/)");

        assertThat(out).doesNotContain("javascript:").contains("href=\"https://example.jp/\"");
    }

    @Test
    void images_point_where_the_app_serves_them_and_tables_render() {
        String out = html.render("![盾](images/shield.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        assertThat(out).contains("src=\"/deck-assets/demo/3/images/shield.png\"", "alt=\"盾\"", "<table>", "<td>1</td>");
    }
}
