package jp.mamori.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import jp.mamori.content.DeckReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * At start-up, publishes the decks that ship inside the content jar ({@code decks/<id>/...}) unless that version is
 * published already. A bundled deck that does not validate is logged and left out, never published half-way.
 */
@Component
@Order(10)
class BundledDecks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledDecks.class);
    private static final String ROOT = "/decks/";

    private final DeckCatalog catalog;

    BundledDecks(DeckCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Map.Entry<String, Map<String, byte[]>> deck : bundled().entrySet()) {
            publish(deck.getKey(), deck.getValue());
        }
    }

    private void publish(String id, Map<String, byte[]> files) throws IOException {
        Path folder = Files.createTempDirectory("mamori-bundled").resolve(id);
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            DeckReader.Result result = new DeckReader().read(folder, "decks/" + id);
            if (!result.valid()) {
                log.error("bundled deck {} is not published: {}", id, result.problems());
                return;
            }
            try {
                if (catalog.publish(result.deck().orElseThrow(), files, "bundled", "system")) {
                    log.info("published bundled deck {} v{}", id, result.deck().get().version());
                }
            } catch (IllegalStateException frozen) {
                // The published version stays in use; the changed files need a higher version number.
                log.error("bundled deck {} is not published: {}", id, frozen.getMessage());
            }
        } finally {
            FileSystemUtils.deleteRecursively(folder.getParent());
        }
    }

    /** Deck id → (path inside the deck folder → bytes), read from the classpath. */
    static Map<String, Map<String, byte[]>> bundled() throws IOException {
        Map<String, Map<String, byte[]>> decks = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:decks/*/**")) {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf(ROOT);
            if (at < 0 || url.endsWith("/") || !resource.isReadable()) {
                continue;
            }
            String path = url.substring(at + ROOT.length());
            int slash = path.indexOf('/');
            if (slash < 0) {
                continue;
            }
            try (var in = resource.getInputStream()) {
                decks.computeIfAbsent(path.substring(0, slash), k -> new LinkedHashMap<>()).put(path.substring(slash + 1), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled deck file " + url, e);
            }
        }
        return decks;
    }
}
