package jp.mamori.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import jp.mamori.questionbank.ItemType;
import org.junit.jupiter.api.Test;

/** The five employee decks that ship with Mamori validate and stay within the sizes the programme promises. */
class BundledDecksTest {

    private final ContentTree.Result bundled = new ContentTree().read(Path.of("src/main/resources/decks"));

    @Test
    void the_bundled_decks_have_no_problems() {
        assertThat(bundled.problems()).isEmpty();
    }

    @Test
    void the_employee_programme_has_its_five_decks() {
        assertThat(bundled.decks()).extracting(Deck::id).contains(
                "why-pi-matters", "incident-trends", "our-rules", "when-incidents-happen", "pms-and-you");
    }

    @Test
    void each_deck_has_ten_to_twenty_five_slides_and_a_check_of_five_to_ten_items() {
        for (Deck deck : bundled.decks()) {
            assertThat(deck.slides()).as(deck.id()).hasSizeBetween(10, 25);
            assertThat(deck.checkItems()).as(deck.id()).isBetween(5, 10).isLessThanOrEqualTo(deck.activeItems().size());
            assertThat(deck.title().en()).as(deck.id()).isNotBlank();
            assertThat(deck.items()).as(deck.id()).allMatch(item -> item.type() == ItemType.TRUE_FALSE || item.options().size() >= 3);
        }
    }

    @Test
    void the_incident_trends_deck_draws_its_figures_as_charts() {
        Deck trends = bundled.decks().stream().filter(d -> d.id().equals("incident-trends")).findFirst().orElseThrow();

        long charts = trends.slides().stream().flatMap(s -> s.parts().stream()).filter(p -> p instanceof SlidePart.ChartPart).count();
        assertThat(charts).isGreaterThanOrEqualTo(3);
    }

    @Test
    void the_company_rules_deck_is_a_template() {
        Deck rules = bundled.decks().stream().filter(d -> d.id().equals("our-rules")).findFirst().orElseThrow();

        assertThat(rules.isTemplate()).isTrue();
        assertThat(rules.templateFields()).extracting(TemplateField::id).contains("company_name", "incident_contact");
    }
}
