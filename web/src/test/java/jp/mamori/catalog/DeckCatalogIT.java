package jp.mamori.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.mamori.content.Deck;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bundled decks are published once at start-up as frozen versions and read back exactly. */
@MamoriIntegrationTest
class DeckCatalogIT {

    @Autowired
    DeckCatalog catalog;
    @Autowired
    BundledDecks bundled;
    @Autowired
    TestUsers users;

    @BeforeEach
    void login() {
        users.loginAs("catalog-reader@example.jp", Role.LEARNER);
    }


    @Test
    void the_bundled_employee_decks_are_published_at_start_up() {
        assertThat(catalog.latest("employee")).extracting(PublishedDeck::id)
                .contains("why-pi-matters", "incident-trends", "our-rules", "when-incidents-happen", "pms-and-you");
    }

    @Test
    void a_published_version_reads_back_with_its_slides_and_items() {
        PublishedDeck trends = catalog.latestVersion("incident-trends").orElseThrow();

        assertThat(trends.deck().slides()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(trends.deck().items()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(catalog.version("incident-trends", trends.version())).contains(trends);
        assertThat(catalog.version("incident-trends", 999)).isEmpty();
    }

    @Test
    void starting_again_publishes_nothing_new() throws Exception {
        int before = catalog.latest("employee").size();

        bundled.run(null);

        assertThat(catalog.latest("employee")).hasSize(before);
    }

    @Test
    void a_published_version_is_frozen_so_changed_content_needs_a_new_version() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(BundledDecks.bundled().get("pms-and-you"));
        Deck deck = catalog.latestVersion("pms-and-you").orElseThrow().deck();
        files.put("deck.md", (new String(files.get("deck.md"), StandardCharsets.UTF_8) + "\n追記").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> catalog.publish(deck, files, "upload", "admin@example.jp"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("raise its version");
        assertThat(catalog.publish(deck, BundledDecks.bundled().get("pms-and-you"), "bundled", "system")).isFalse();
    }
}
