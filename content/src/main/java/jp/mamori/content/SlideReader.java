package jp.mamori.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.questionbank.Problem;
import jp.mamori.questionbank.YamlReader;

/**
 * Splits the part of deck.md after the front matter into slides (at lines that are exactly {@code ---},
 * outside code fences) and each slide into title, Markdown and chart parts, and sources.
 */
final class SlideReader {

    private static final Pattern HEADING = Pattern.compile("^#{1,2}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern SOURCE_ITEM = Pattern.compile("^\\s*[-*]\\s+(.+)$");

    private final String file;
    private final Path folder;
    private final List<Problem> problems;

    SlideReader(String file, Path folder, List<Problem> problems) {
        this.file = file;
        this.folder = folder;
        this.problems = problems;
    }

    /** Reads the slides from {@code lines}, starting at index {@code start} (0-based). */
    List<Slide> read(List<String> lines, int start) {
        List<Slide> slides = new ArrayList<>();
        int from = start;
        boolean fence = false;
        for (int i = start; i <= lines.size(); i++) {
            boolean end = i == lines.size();
            if (!end && lines.get(i).strip().startsWith("```")) {
                fence = !fence;
            }
            if (end || (!fence && lines.get(i).strip().equals("---"))) {
                slide(lines, from, i, slides.size() + 1).ifPresent(slides::add);
                from = i + 1;
            }
        }
        if (slides.isEmpty()) {
            problems.add(new Problem(file, start + 1, "the deck has no slides after its front matter"));
        }
        return slides;
    }

    private java.util.Optional<Slide> slide(List<String> lines, int from, int to, int number) {
        int first = from;
        while (first < to && lines.get(first).isBlank()) {
            first++;
        }
        if (first == to) {
            return java.util.Optional.empty();
        }
        Matcher heading = HEADING.matcher(lines.get(first));
        String title = heading.matches() ? heading.group(1) : "";
        if (!heading.matches()) {
            problem(first, "slide " + number + " does not start with a heading (# or ##)");
        }
        int bodyStart = heading.matches() ? first + 1 : first;
        int sourcesAt = -1;
        boolean fence = false;
        for (int i = bodyStart; i < to; i++) {
            String stripped = lines.get(i).strip();
            if (stripped.startsWith("```")) {
                fence = !fence;
            } else if (!fence && stripped.equals("sources:")) {
                sourcesAt = i;
            }
        }
        List<String> sources = new ArrayList<>();
        if (sourcesAt >= 0) {
            for (int i = sourcesAt + 1; i < to; i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                Matcher item = SOURCE_ITEM.matcher(lines.get(i));
                if (item.matches()) {
                    sources.add(item.group(1).strip());
                } else {
                    problem(i, "slide " + number + ": only '- ' source lines may follow sources:");
                }
            }
            if (sources.isEmpty()) {
                problem(sourcesAt, "slide " + number + ": sources: is followed by no source");
            }
        }
        List<SlidePart> parts = parts(lines, bodyStart, sourcesAt >= 0 ? sourcesAt : to, number);
        if (parts.stream().noneMatch(part -> part instanceof SlidePart.ChartPart
                || (part instanceof SlidePart.Markdown md && !md.text().isBlank()))) {
            problem(first, "slide " + number + " has no text");
        }
        return java.util.Optional.of(new Slide(number, first + 1, title, parts, sources));
    }

    private List<SlidePart> parts(List<String> lines, int from, int to, int number) {
        List<SlidePart> parts = new ArrayList<>();
        StringBuilder markdown = new StringBuilder();
        int i = from;
        while (i < to) {
            String line = lines.get(i);
            if (line.strip().equals("```chart")) {
                int close = i + 1;
                while (close < to && !lines.get(close).strip().equals("```")) {
                    close++;
                }
                if (close == to) {
                    problem(i, "slide " + number + ": the chart block is not closed by ```");
                    return parts;
                }
                flush(markdown, parts, i);
                YamlReader yaml = new YamlReader(file, i + 1, problems);
                DeckReader.chart(yaml, String.join("\n", lines.subList(i + 1, close)))
                        .ifPresent(chart -> parts.add(new SlidePart.ChartPart(chart)));
                i = close + 1;
            } else {
                checkImages(line, i, number);
                markdown.append(line).append('\n');
                i++;
            }
        }
        flush(markdown, parts, to);
        return parts;
    }

    private static void flush(StringBuilder markdown, List<SlidePart> parts, int at) {
        if (!markdown.toString().isBlank()) {
            parts.add(new SlidePart.Markdown(markdown.toString().strip()));
        }
        markdown.setLength(0);
    }

    private void checkImages(String line, int index, int number) {
        Matcher image = IMAGE.matcher(line);
        while (image.find()) {
            String alt = image.group(1).strip();
            String target = image.group(2);
            if (alt.isEmpty()) {
                problem(index, "slide " + number + ": image " + target + " has no alt text for screen readers");
            }
            if (!target.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(png|jpe?g|gif|webp)$")) {
                problem(index, "slide " + number + ": image " + target + " must be a PNG, JPEG, GIF or WebP file");
            } else if (target.contains("..") || target.startsWith("/") || target.contains(":")) {
                problem(index, "slide " + number + ": image " + target + " must be a file inside the deck folder");
            } else if (!Files.isRegularFile(folder.resolve(target))) {
                problem(index, "slide " + number + ": image " + target + " does not exist");
            }
        }
    }

    private void problem(int index, String message) {
        problems.add(new Problem(file, index + 1, message));
    }
}
