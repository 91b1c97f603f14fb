package jp.mamori.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemYaml;
import jp.mamori.questionbank.LocalizedText;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** Published item versions: kept in the database, found after the bank drops them, never changed under a version. */
@MamoriIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ItemBanksIT {

    @Autowired
    ItemBanks banks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void every_bundled_item_version_is_published_at_start_up() {
        long published = jdbc.sql("SELECT COUNT(*) FROM bank_item_version WHERE bank = 'competency'").query(Long.class).single();

        assertThat(published).isEqualTo(banks.bank("competency").size()).isGreaterThanOrEqualTo(180);
    }

    @Test
    void an_item_version_the_bank_no_longer_ships_is_still_found_for_old_attempts() {
        Item shipped = banks.bank("competency").getFirst();
        Item retired = copy(shipped, "retired-item-001", shipped.stem());
        jdbc.sql("INSERT INTO bank_item_version (item_id, version, bank, yaml, sha256, published_at) VALUES (?,?,?,?,?,NOW(6))")
                .params(retired.id(), retired.version(), "retired-bank", ItemYaml.write(List.of(retired)), "x".repeat(64)).update();

        assertThat(banks.item("retired-item-001", shipped.version())).hasValueSatisfying(item -> {
            assertThat(item.key()).isEqualTo(shipped.key());
            assertThat(item.stem()).isEqualTo(shipped.stem());
        });
        assertThat(banks.bank("competency")).noneMatch(item -> item.id().equals("retired-item-001"));
    }

    @Test
    void a_bundled_text_changed_without_a_new_version_does_not_replace_the_published_one() throws Exception {
        Item shipped = banks.bank("competency").get(1);
        LocalizedText publishedStem = new LocalizedText("公開時の問題文", "The stem as published");
        jdbc.sql("UPDATE bank_item_version SET yaml = ? WHERE item_id = ? AND version = ?")
                .params(ItemYaml.write(List.of(copy(shipped, shipped.id(), publishedStem))), shipped.id(), shipped.version()).update();

        ItemBanks restarted = new ItemBanks(jdbc, clock);
        restarted.run(null);

        assertThat(restarted.item(shipped.id(), shipped.version())).hasValueSatisfying(item -> assertThat(item.stem()).isEqualTo(publishedStem));
        assertThat(restarted.bank("competency")).filteredOn(item -> item.id().equals(shipped.id()))
                .singleElement().satisfies(item -> assertThat(item.stem()).isEqualTo(publishedStem));
    }

    private static Item copy(Item item, String id, LocalizedText stem) {
        return new Item(id, item.version(), item.domain(), item.difficulty(), item.type(), stem, item.options(), item.key(),
                item.rationale(), item.reference(), item.asOf(), item.status(), item.review(), item.reviewNote(), item.file(), item.line());
    }
}
