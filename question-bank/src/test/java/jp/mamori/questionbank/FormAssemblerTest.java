package jp.mamori.questionbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FormAssemblerTest {

    @Test
    void shares_are_rounded_so_the_counts_add_up_exactly() {
        Map<String, Integer> perDomain = FormAssembler.apportion(60, Blueprint.DEFAULT_WEIGHTS);

        assertThat(perDomain).containsEntry("appi-duties", 15).containsEntry("appi-breaches-rights", 9)
                .containsEntry("pms", 12).containsEntry("safety-measures", 12).containsEntry("incidents", 6)
                .containsEntry("manager-auditor", 6);
        assertThat(FormAssembler.apportion(12, Map.of(1, 15, 2, 45, 3, 40)).values().stream().mapToInt(i -> i).sum()).isEqualTo(12);
    }

    @Test
    void a_form_meets_the_blueprint_by_domain_and_difficulty_with_no_item_twice() {
        List<Item> bank = bank(30);

        List<Item> form = FormAssembler.assemble(bank, Blueprint.standard(), new Random(7));

        assertThat(form).hasSize(60).doesNotHaveDuplicates();
        Map<String, Long> byDomain = form.stream().collect(Collectors.groupingBy(Item::domain, Collectors.counting()));
        assertThat(byDomain).containsEntry("appi-duties", 15L).containsEntry("incidents", 6L);
        long hard = form.stream().filter(item -> item.domain().equals("appi-duties") && item.difficulty() == 3).count();
        assertThat(hard).isEqualTo(2);
        assertThat(form).allMatch(item -> item.status() == ItemStatus.ACTIVE);
    }

    @Test
    void two_candidates_get_different_draws() {
        List<Item> bank = bank(30);

        List<Item> first = FormAssembler.assemble(bank, Blueprint.expert(), new Random(1));
        List<Item> second = FormAssembler.assemble(bank, Blueprint.expert(), new Random(2));

        assertThat(first).hasSize(80);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_bank_that_cannot_fill_the_blueprint_is_refused_naming_each_shortfall() {
        List<Item> small = bank(2);

        assertThatThrownBy(() -> FormAssembler.assemble(small, Blueprint.expert(), new Random(1)))
                .isInstanceOf(FormAssembler.BlueprintException.class)
                .hasMessageContaining("the bank cannot fill the expert blueprint")
                .hasMessageContaining("domain appi-duties, difficulty 3: needs 8 active items, the bank has 2");
    }

    /** {@code perCell} active items for every domain and difficulty, plus drafts that must never be drawn. */
    private static List<Item> bank(int perCell) {
        List<Item> bank = new ArrayList<>();
        for (String domain : Blueprint.DEFAULT_WEIGHTS.keySet()) {
            for (int difficulty = 1; difficulty <= 3; difficulty++) {
                for (int n = 0; n < perCell; n++) {
                    bank.add(item(domain + "-" + difficulty + "-" + n, domain, difficulty, ItemStatus.ACTIVE));
                }
                bank.add(item(domain + "-" + difficulty + "-draft", domain, difficulty, ItemStatus.DRAFT));
            }
        }
        return bank;
    }

    private static Item item(String id, String domain, int difficulty, ItemStatus status) {
        return new Item(id, 1, domain, difficulty, ItemType.TRUE_FALSE, LocalizedText.of("問"), List.of(), Set.of("true"),
                LocalizedText.of("理由"), "ref", LocalDate.of(2026, 11, 23), status, false, "", "bank.yaml", 1);
    }
}
