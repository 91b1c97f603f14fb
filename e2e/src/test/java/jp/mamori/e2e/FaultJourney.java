package jp.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemOption;
import jp.mamori.questionbank.ItemType;

/**
 * A candidate's exam while something breaks ({@link FaultSite}: the application as its own process on a MariaDB
 * server): registering, answering questions with their keys, and checking what the page and the database hold after
 * the fault.
 */
abstract class FaultJourney extends BrowserJourney {

    static final String EXPERT = "competency-expert";
    static final String EXPERT_NAME = "個人情報保護力量検定 エキスパート";
    static final String STANDARD = "competency-standard";

    /** A candidate's login. */
    record Candidate(String email, String password) {
    }

    /**
     * An answer given on the page: the question's position, its item, the option chosen (its id and its text), and
     * whether that option alone is right (an item with several key options needs them all).
     */
    record Answer(int position, String itemId, String optionId, String optionText, boolean multiple, boolean correct) {
    }

    private static final Map<String, Item> BANK = KnownItems.competency().stream()
            .collect(Collectors.toMap(item -> item.stem().ja(), Function.identity(), (a, b) -> a));

    final FaultSite site = FaultSite.get();
    final ExamRecords records = new ExamRecords(site.database());

    @Override
    String baseUrl() {
        return site.node().baseUrl();
    }

    /** Registers on the public page and confirms the address through the link in the mail (read from the outbox). */
    Candidate registerCandidate() {
        Candidate candidate = new Candidate("fault-" + System.nanoTime() + "@example.jp", "fault-password-" + System.nanoTime());
        Page visitor = open("ja", 1280);
        visitor.navigate(baseUrl() + "/register");
        settle(visitor);
        visitor.getByLabel("氏名").fill("障害 試験");
        visitor.getByLabel("メールアドレス").fill(candidate.email());
        visitor.getByLabel("新しいパスワード", new Page.GetByLabelOptions().setExact(true)).fill(candidate.password());
        visitor.getByLabel("新しいパスワード(確認)").fill(candidate.password());
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登録する")).click();
        settle(visitor);
        assertThat(visitor.getByText("メールを確認してください").isVisible()).isTrue();
        visitor.navigate(baseUrl() + records.confirmationPath(candidate.email()));
        settle(visitor);
        assertThat(visitor.getByText("メールアドレスを確認しました。").isVisible()).isTrue();
        visitor.context().close();
        return candidate;
    }

    Page login(Candidate candidate) {
        return login("ja", candidate.email(), candidate.password(), 1280);
    }

    /** Opens the exam by its address: starts an attempt, or resumes the open one. */
    void openExam(Page page, String examId) {
        page.navigate(baseUrl() + "/exam/" + examId);
        settle(page);
        page.locator("vaadin-radio-group, vaadin-checkbox-group").first().waitFor();
    }

    /** From the candidate's home, as a candidate back after a fault does it: "resume the exam". */
    static void resumeFromHome(Page page, String examName) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("受験を再開する: " + examName)).click();
        settle(page);
        page.locator("vaadin-radio-group, vaadin-checkbox-group").first().waitFor();
    }

    /** Answers the first {@code count} questions with their keys (the first key option of each) and waits for each save. */
    static List<Answer> answerFirst(Page page, int count) {
        List<Answer> answers = answer(page, 0, count);
        assertThat(page.getByText("解答を保存しました。").isVisible()).as("the page says the answers are saved").isTrue();
        return answers;
    }

    /** Answers {@code count} questions from position {@code from} with their keys; each change is one server round trip. */
    static List<Answer> answer(Page page, int from, int count) {
        List<Answer> answers = new ArrayList<>();
        for (int position = from; position < from + count; position++) {
            goTo(page, position);
            Answer answer = choose(page, position);
            settle(page);
            answers.add(answer);
        }
        return answers;
    }

    /** Chooses the first key option of the question on screen (at {@code position}) without waiting for the server. */
    static Answer choose(Page page, int position) {
        Item item = itemOnScreen(page);
        ItemOption option = item.choices().stream().filter(o -> item.key().contains(o.id())).findFirst().orElseThrow();
        Answer answer = new Answer(position, item.id(), option.id(), option.text().ja(), item.type() == ItemType.MULTIPLE,
                item.isCorrect(Set.of(option.id())));
        choice(page, answer).check();
        return answer;
    }

    /** The answers as the database should hold them: item id to option id. */
    static Map<String, String> stored(List<Answer> answers) {
        Map<String, String> stored = new LinkedHashMap<>();
        answers.forEach(answer -> stored.put(answer.itemId(), answer.optionId()));
        return stored;
    }

    /** Each question answered before the fault shows the same item with the same option chosen. */
    static void assertShown(Page page, List<Answer> answers) {
        for (Answer answer : answers) {
            goTo(page, answer.position());
            assertThat(itemOnScreen(page).id()).as("item at question " + (answer.position() + 1)).isEqualTo(answer.itemId());
            assertThat(choice(page, answer).isChecked()).as("option chosen at question " + (answer.position() + 1)).isTrue();
        }
    }

    /**
     * The countdown agrees with the deadline: it was drawn at the last poll (at most 5 s ago, so it may show up to 5 s
     * more than is left now) and drops the fraction of a second.
     */
    static void assertCountdownTo(Page page, Instant deadline, Instant now) {
        Matcher left = Pattern.compile("残り (\\d+) 分 (\\d+) 秒").matcher(page.locator("[role=timer]").textContent());
        assertThat(left.find()).as("the countdown on the page").isTrue();
        Duration shown = Duration.ofMinutes(Long.parseLong(left.group(1))).plusSeconds(Long.parseLong(left.group(2)));
        assertThat(shown).as("time left on the page").isBetween(Duration.between(now, deadline).minusSeconds(2),
                Duration.between(now, deadline).plusSeconds(7));
    }

    /** Waits for a condition on something outside the browser (the database, a process), checking twice a second. */
    static void await(String what, Duration atMost, BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("not within " + atMost + ": " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what, e);
            }
        }
    }

    /** Opens the question at {@code position} from the navigator and waits until it is on screen. */
    static void goTo(Page page, int position) {
        page.locator(".mamori-navigator button").nth(position).click();
        page.waitForFunction("prefix => { const g = document.querySelector('vaadin-radio-group, vaadin-checkbox-group');"
                + " return g && g.label && g.label.startsWith(prefix); }", "問 " + (position + 1) + " /");
    }

    private static Item itemOnScreen(Page page) {
        String label = questionLabel(page);
        return BANK.entrySet().stream().filter(e -> label.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no item with the stem shown: " + label));
    }

    private static Locator choice(Page page, Answer answer) {
        return page.getByRole(answer.multiple() ? AriaRole.CHECKBOX : AriaRole.RADIO,
                new Page.GetByRoleOptions().setName(answer.optionText()).setExact(true));
    }
}
