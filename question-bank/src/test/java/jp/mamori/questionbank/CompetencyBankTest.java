package jp.mamori.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The competency test's bank validates, holds three times the standard form per domain, and fills both levels. */
class CompetencyBankTest {

    private final Bank.Result bank = Bank.read(Path.of("src/main/resources/banks/competency"));

    @Test
    void the_bank_has_no_problems() {
        assertThat(bank.problems()).isEmpty();
    }

    @Test
    void every_domain_holds_at_least_three_times_its_share_of_the_standard_form() {
        Map<String, Long> byDomain = bank.items().stream().filter(i -> i.status() == ItemStatus.ACTIVE)
                .collect(Collectors.groupingBy(Item::domain, Collectors.counting()));
        Map<String, Integer> perForm = FormAssembler.apportion(Blueprint.standard().items(), Blueprint.DEFAULT_WEIGHTS);

        perForm.forEach((domain, count) -> assertThat(byDomain.getOrDefault(domain, 0L)).as(domain).isGreaterThanOrEqualTo(3L * count));
        assertThat(bank.items()).hasSizeGreaterThanOrEqualTo(180);
    }

    @Test
    void both_levels_can_be_drawn_from_the_bank() {
        assertThat(FormAssembler.assemble(bank.items(), Blueprint.standard(), new Random(1))).hasSize(60);
        assertThat(FormAssembler.assemble(bank.items(), Blueprint.expert(), new Random(1))).hasSize(80);
    }

    @Test
    void every_active_item_explains_its_key_and_every_wrong_option() {
        assertThat(bank.items()).filteredOn(i -> i.status() == ItemStatus.ACTIVE)
                .allMatch(i -> !i.rationale().ja().isBlank() && !i.reference().isBlank())
                .allMatch(i -> i.options().stream().allMatch(o -> i.key().contains(o.id()) || o.why() != null));
    }
}
