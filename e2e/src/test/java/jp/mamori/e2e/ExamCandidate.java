package jp.mamori.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemOption;
import jp.mamori.questionbank.ItemType;

/**
 * One simulated candidate on the exam page (Japanese): logs in, opens the exam, answers every question after a pause
 * to think (the page polls the server every 5 seconds and sends its heartbeat every 5 minutes meanwhile, as the real
 * page does), moves on with "next", and submits. Every answer sent is remembered, so the run can compare it with what
 * the database holds.
 */
final class ExamCandidate {

    private static final Pattern QUESTION = Pattern.compile("^問 (\\d+) / (\\d+)\\. (.*)$", Pattern.DOTALL);
    private static final long POLL_MILLIS = 5000;

    private final String email;
    private final String password;
    private final Map<String, Item> bankByStem;
    private final Latencies latencies;
    private final Random random;
    private final int minThinkMillis;
    private final int maxThinkMillis;
    private final UidlSession session;
    /** Item id to the option ids last sent for it. */
    private final Map<String, Set<String>> sent = new LinkedHashMap<>();
    private long nextPoll;
    private long nextHeartbeat;

    ExamCandidate(String baseUrl, String email, String password, Map<String, Item> bankByStem, Latencies latencies,
                  long seed, int minThinkMillis, int maxThinkMillis) {
        this.email = email;
        this.password = password;
        this.bankByStem = bankByStem;
        this.latencies = latencies;
        this.random = new Random(seed);
        this.minThinkMillis = minThinkMillis;
        this.maxThinkMillis = maxThinkMillis;
        this.session = new UidlSession(baseUrl);
    }

    String email() {
        return email;
    }

    Map<String, Set<String>> sent() {
        return Collections.unmodifiableMap(sent);
    }

    int retries() {
        return session.retries();
    }

    void login() {
        latencies.time("login", () -> session.login(email, password));
    }

    /** Opens the exam's address: the server starts the attempt and renders the first question. */
    void start(String examId) {
        latencies.time("start", () -> session.open("exam/" + examId));
        question();
        long now = System.currentTimeMillis();
        nextPoll = now + POLL_MILLIS;
        nextHeartbeat = now + session.heartbeatMillis();
    }

    /** Answers every question in order with a random choice, each after a pause to think. */
    void answerAll() {
        while (true) {
            UiTree.Node group = question();
            Matcher label = QUESTION.matcher(group.property("label"));
            if (!label.matches()) {
                throw new IllegalStateException("not a question label: " + group.property("label"));
            }
            Item item = bankByStem.get(label.group(3));
            if (item == null) {
                throw new IllegalStateException("a question not in the bank: " + label.group(3));
            }
            think();
            answer(group, item);
            if (label.group(1).equals(label.group(2))) {
                return;
            }
            UiTree.Node next = session.tree().button("次へ").orElseThrow(() -> new IllegalStateException("no 次へ button"));
            latencies.time("next", () -> session.click(next));
        }
    }

    /**
     * Waits with the page open until the latch opens: the page's poll goes on meanwhile, as in a browser, which keeps
     * the UI alive and sends again any answer the server could not store yet.
     */
    void waitWithPageOpen(CountDownLatch latch) throws InterruptedException {
        while (!latch.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            pollAndBeat();
        }
    }

    /** "Submit" and the confirmation dialog's "submit". */
    void submit() {
        UiTree.Node submit = session.tree().button("解答を提出").orElseThrow(() -> new IllegalStateException("no 解答を提出 button"));
        latencies.time("submit", () -> {
            session.click(submit);
            UiTree.Node dialog = session.tree().first(UiTree.tag("vaadin-confirm-dialog"))
                    .orElseThrow(() -> new IllegalStateException("no confirmation dialog"));
            session.fire(dialog, "confirm");
        });
    }

    private UiTree.Node question() {
        return session.tree().first(UiTree.tag("vaadin-radio-group", "vaadin-checkbox-group")
                        .and(n -> n.property("label") != null && n.property("label").startsWith("問 ")))
                .orElseThrow(() -> new IllegalStateException("no question on the page: " + session.tree().find(UiTree.tag("p", "h2"))
                        .stream().map(session.tree()::text).toList()));
    }

    /** Chooses one option (two or one for "choose all that apply") and sends it as the browser does. */
    private void answer(UiTree.Node group, Item item) {
        Map<String, String> optionIdByText = new LinkedHashMap<>();
        for (ItemOption option : item.choices()) {
            optionIdByText.put(option.text().ja(), option.id());
        }
        List<UiTree.Node> options = new ArrayList<>(session.tree().children(group).stream()
                .filter(n -> n.property("value") != null).toList());
        Collections.shuffle(options, random);
        int count = item.type() == ItemType.MULTIPLE ? 1 + random.nextInt(2) : 1;
        Set<String> chosenIds = new TreeSet<>();
        JsonArray keys = new JsonArray();
        for (UiTree.Node option : options.subList(0, Math.min(count, options.size()))) {
            // A radio button shows its text in a child label, a checkbox in its label property.
            String text = option.property("label") != null ? option.property("label") : session.tree().text(option);
            String id = optionIdByText.get(text);
            if (id == null) {
                throw new IllegalStateException("option " + text + " is not one of item " + item.id());
            }
            chosenIds.add(id);
            keys.add(option.property("value"));
        }
        sent.put(item.id(), chosenIds);
        latencies.time("save", () -> session.change(group, "value",
                item.type() == ItemType.MULTIPLE ? keys : new JsonPrimitive(keys.get(0).getAsString())));
    }

    /** A pause between the think-time bounds; the page's poll goes out every 5 seconds meanwhile. */
    private void think() {
        long until = System.currentTimeMillis() + minThinkMillis + random.nextInt(maxThinkMillis - minThinkMillis + 1);
        while (true) {
            long now = System.currentTimeMillis();
            if (now >= nextPoll) {
                pollAndBeat();
                nextPoll += POLL_MILLIS;
                continue;
            }
            if (now >= until) {
                return;
            }
            sleep(Math.min(until, nextPoll) - now);
        }
    }

    /** The page's poll, and its heartbeat when one is due (checked at each poll, so at most 5 s late). */
    private void pollAndBeat() {
        latencies.time("poll", session::poll);
        if (System.currentTimeMillis() >= nextHeartbeat) {
            latencies.time("heartbeat", session::heartbeat);
            nextHeartbeat += session.heartbeatMillis();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
