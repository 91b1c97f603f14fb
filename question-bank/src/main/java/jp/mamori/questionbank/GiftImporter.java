package jp.mamori.questionbank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Moodle GIFT text into draft items: multiple choice (one right answer, or several with positive partial
 * credit) and true/false. Essay, numerical, short-answer and matching questions are reported as unsupported.
 * GIFT has no field for a reference or a difficulty: items arrive as drafts for an author to complete.
 */
public final class GiftImporter {

    private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d+(?:\\.\\d+)?)%");
    private static final Pattern FORMAT = Pattern.compile("^\\[(html|moodle|plain|markdown)]", Pattern.CASE_INSENSITIVE);

    public Imported read(String file, String text, LocalDate asOf) {
        List<Item> items = new ArrayList<>();
        List<Imported.Unsupported> unsupported = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String category = "imported";
        List<String> lines = text.lines().toList();
        StringBuilder block = new StringBuilder();
        int blockStart = 0;
        int depth = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            String stripped = line.strip();
            boolean end = i == lines.size() || (stripped.isEmpty() && depth == 0);
            if (!end && stripped.startsWith("//") && depth == 0) {
                continue;
            }
            if (!end && stripped.startsWith("$CATEGORY:") && depth == 0) {
                category = slug(stripped.substring("$CATEGORY:".length()).replaceAll(".*/", ""), "imported");
                continue;
            }
            if (end) {
                if (depth != 0) {
                    problems.add(new Problem(file, blockStart + 1, "an answer block { ... } is not closed"));
                    break;
                }
                if (!block.toString().isBlank()) {
                    question(file, blockStart + 1, block.toString().strip(), category, asOf, ids, items, unsupported, problems);
                }
                block.setLength(0);
                continue;
            }
            if (block.isEmpty()) {
                blockStart = i;
            }
            depth += braceBalance(line);
            block.append(line).append('\n');
        }
        return new Imported(items, unsupported, problems);
    }

    private void question(String file, int line, String text, String domain, LocalDate asOf, Set<String> ids,
                          List<Item> items, List<Imported.Unsupported> unsupported, List<Problem> problems) {
        String title = null;
        if (text.startsWith("::")) {
            int close = text.indexOf("::", 2);
            if (close < 0) {
                problems.add(new Problem(file, line, "the question title ::...:: is not closed"));
                return;
            }
            title = unescape(text.substring(2, close).strip());
            text = text.substring(close + 2).strip();
        }
        text = FORMAT.matcher(text).replaceFirst("").strip();
        int open = unescaped(text, '{', 0);
        int close = open < 0 ? -1 : unescaped(text, '}', open + 1);
        String name = title != null ? title : "question at line " + line;
        if (open < 0 || close < 0) {
            problems.add(new Problem(file, line, name + ": no answer block { ... }"));
            return;
        }
        String before = text.substring(0, open).strip();
        String after = text.substring(close + 1).strip();
        String stem = unescape(after.isEmpty() ? before : before + " ＿＿＿ " + after);
        String answers = text.substring(open + 1, close).strip();
        String id = uniqueId(slug(title != null ? title : domain + "-" + line, "item-" + line), ids);
        String reference = "GIFT " + file + (title != null ? " ::" + title + "::" : " line " + line);

        if (answers.isEmpty()) {
            unsupported.add(new Imported.Unsupported(file, line, name, "essay"));
            return;
        }
        if (answers.startsWith("#")) {
            unsupported.add(new Imported.Unsupported(file, line, name, "numerical"));
            return;
        }
        String general = "";
        int generalAt = answers.indexOf("####");
        if (generalAt >= 0) {
            general = unescape(answers.substring(generalAt + 4).strip());
            answers = answers.substring(0, generalAt).strip();
        }
        String truth = answers.replaceAll("#.*", "").strip().toUpperCase(Locale.ROOT);
        if (truth.equals("T") || truth.equals("TRUE") || truth.equals("F") || truth.equals("FALSE")) {
            items.add(new Item(id, 1, domain, 2, ItemType.TRUE_FALSE, LocalizedText.of(stem), List.of(),
                    Set.of(truth.startsWith("T") ? "true" : "false"), LocalizedText.of(general), reference, asOf,
                    ItemStatus.DRAFT, false, "", file, line));
            return;
        }
        List<Answer> parsed = answers(answers);
        if (parsed.isEmpty()) {
            problems.add(new Problem(file, line, name + ": the answer block has no answers starting with = or ~"));
            return;
        }
        if (parsed.stream().anyMatch(a -> a.text().contains("->"))) {
            unsupported.add(new Imported.Unsupported(file, line, name, "matching"));
            return;
        }
        if (parsed.stream().allMatch(Answer::right)) {
            unsupported.add(new Imported.Unsupported(file, line, name, "short answer"));
            return;
        }
        List<ItemOption> options = new ArrayList<>();
        Set<String> key = new LinkedHashSet<>();
        for (int n = 0; n < parsed.size(); n++) {
            Answer answer = parsed.get(n);
            String optionId = String.valueOf((char) ('a' + n));
            options.add(new ItemOption(optionId, LocalizedText.of(unescape(answer.text())),
                    answer.feedback().isEmpty() ? null : LocalizedText.of(unescape(answer.feedback()))));
            if (answer.right() || answer.weight() > 0) {
                key.add(optionId);
            }
        }
        if (key.isEmpty()) {
            problems.add(new Problem(file, line, name + ": no answer is marked right (= or a positive %weight%)"));
            return;
        }
        if (options.size() < 3 || options.size() > 6) {
            problems.add(new Problem(file, line, name + ": Mamori items have 3 to 6 options, this one has " + options.size()));
            return;
        }
        ItemType type = key.size() == 1 ? ItemType.SINGLE : ItemType.MULTIPLE;
        items.add(new Item(id, 1, domain, 2, type, LocalizedText.of(stem), options, key, LocalizedText.of(general),
                reference, asOf, ItemStatus.DRAFT, false, "", file, line));
    }

    private record Answer(boolean right, double weight, String text, String feedback) {
    }

    /** Splits {@code =right ~wrong#feedback ~%50%partial} into answers at unescaped = and ~. */
    private static List<Answer> answers(String block) {
        List<Answer> answers = new ArrayList<>();
        int i = 0;
        while (i < block.length()) {
            char marker = block.charAt(i);
            if ((marker != '=' && marker != '~') || (i > 0 && block.charAt(i - 1) == '\\')) {
                i++;
                continue;
            }
            int next = i + 1;
            while (next < block.length() && !((block.charAt(next) == '=' || block.charAt(next) == '~') && block.charAt(next - 1) != '\\')) {
                next++;
            }
            String body = block.substring(i + 1, next).strip();
            double weight = marker == '=' ? 100 : 0;
            Matcher w = WEIGHT.matcher(body);
            if (w.find()) {
                weight = Double.parseDouble(w.group(1));
                body = body.substring(w.end()).strip();
            }
            int hash = unescaped(body, '#', 0);
            String text = hash < 0 ? body : body.substring(0, hash).strip();
            String feedback = hash < 0 ? "" : body.substring(hash + 1).strip();
            answers.add(new Answer(marker == '=', weight, text, feedback));
            i = next;
        }
        return answers;
    }

    private static int braceBalance(String line) {
        int balance = 0;
        for (int i = 0; i < line.length(); i++) {
            if (i > 0 && line.charAt(i - 1) == '\\') {
                continue;
            }
            if (line.charAt(i) == '{') {
                balance++;
            } else if (line.charAt(i) == '}') {
                balance--;
            }
        }
        return balance;
    }

    private static int unescaped(String text, char c, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == c && (i == 0 || text.charAt(i - 1) != '\\')) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        return text.replaceAll("\\\\([~=#{}:\\\\])", "$1").replace("\\n", "\n").strip();
    }

    static String slug(String text, String fallback) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            return fallback;
        }
        return slug.length() > 70 ? slug.substring(0, 70).replaceAll("-+$", "") : slug;
    }

    static String uniqueId(String id, Set<String> ids) {
        String candidate = id;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }
}
