package jp.mamori.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.mamori.questionbank.Problem;
import org.junit.jupiter.api.Test;

class DeckReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(DeckReaderTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_good_deck_reads_into_slides_parts_and_items_without_problems() {
        DeckReader.Result result = new DeckReader().read(fixture("good/demo-deck"), "decks/demo-deck");

        assertThat(result.problems()).isEmpty();
        Deck deck = result.deck().orElseThrow();
        assertThat(deck.version()).isEqualTo(3);
        assertThat(deck.title().en()).isEqualTo("Demo deck");
        assertThat(deck.slides()).extracting(Slide::title).containsExactly("はじめに", "数字で見る", "まとめ");
        assertThat(deck.slides().get(1).line()).isEqualTo(29);
        assertThat(deck.slides().get(1).sources()).containsExactly("JIPDEC「2020年度 個人情報の取扱いにおける事故報告集計結果」(2021年)");
        SlidePart.ChartPart chart = (SlidePart.ChartPart) deck.slides().get(1).parts().get(1);
        assertThat(chart.chart().type()).isEqualTo(Chart.Type.HBAR);
        assertThat(chart.chart().rows()).extracting(row -> row.value().intValue()).containsExactly(1648, 454);
        assertThat(deck.items()).hasSize(5);
        assertThat(deck.templateFields()).extracting(TemplateField::id).containsExactly("company_name");
    }

    @Test
    void a_broken_deck_lists_every_problem_with_file_and_line() {
        List<String> problems = new DeckReader().read(fixture("bad/broken-deck"), "decks/broken-deck")
                .problems().stream().map(Problem::toString).toList();

        assertThat(problems).contains(
                "decks/broken-deck/deck.md:5: the deck's title has no English text (en:)",
                "decks/broken-deck/deck.md:20: slide 1: image images/missing.png has no alt text for screen readers",
                "decks/broken-deck/deck.md:20: slide 1: image images/missing.png does not exist",
                "decks/broken-deck/deck.md:16: slide 1 shows a figure (454件) but has no sources:",
                "decks/broken-deck/deck.md:24: slide 2 does not start with a heading (# or ##)",
                "decks/broken-deck/deck.md:24: slide 2 uses {{undeclared}}, which template_fields does not declare",
                "decks/broken-deck/deck.md:31: the chart has no source",
                "decks/broken-deck/deck.md:36: chart row B: value must be a number, not 'x'",
                "decks/broken-deck/check.yaml:2: item broken-deck-01 has no key",
                "decks/broken-deck/check.yaml:1: check_items is 5 but the pool has only 1 active items");
        assertThat(problems).noneMatch(p -> p.contains("at least 2 rows"));
    }

    @Test
    void only_raster_images_are_allowed_in_slides() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("deck").resolve("demo-deck");
        copy(fixture("good/demo-deck"), folder);
        java.nio.file.Path deck = folder.resolve("deck.md");
        java.nio.file.Files.writeString(deck, java.nio.file.Files.readString(deck).replace("images/shield.png", "images/shield.svg"));
        java.nio.file.Files.copy(folder.resolve("images/shield.png"), folder.resolve("images/shield.svg"));

        assertThat(new DeckReader().read(folder, "decks/demo-deck").problems()).extracting(Problem::message)
                .contains("slide 1: image images/shield.svg must be a PNG, JPEG, GIF or WebP file");
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (java.nio.file.Files.isDirectory(file)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void the_deck_id_must_match_its_folder() {
        DeckReader.Result result = new DeckReader().read(fixture("good/demo-deck"), "decks/other");

        assertThat(result.valid()).isTrue();
        assertThat(new DeckReader().read(fixture("good/demo-deck"), "x").deck().orElseThrow().id()).isEqualTo("demo-deck");
    }

    @Test
    void template_blanks_are_filled_and_unknown_ones_stay_visible() {
        assertThat(Templates.fill("{{company_name}} と {{ other }}", Map.of("company_name", "株式会社サンプル")))
                .isEqualTo("株式会社サンプル と {{ other }}");
    }
}
