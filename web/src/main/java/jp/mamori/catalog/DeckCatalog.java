package jp.mamori.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.mamori.content.Deck;
import jp.mamori.content.DeckReader;
import jp.mamori.shared.Sha256;
import jp.mamori.shared.db.UtcColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The published deck versions. Each is stored once as a zip and never changed; it is read back, unpacked and
 * parsed on first use and then kept in memory. Any logged-in person may read published decks (what they may
 * take is decided by the learning module).
 */
@Service
public class DeckCatalog {

    private static final Logger log = LoggerFactory.getLogger(DeckCatalog.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path cacheRoot;
    private final Map<String, PublishedDeck> parsed = new ConcurrentHashMap<>();

    DeckCatalog(JdbcClient jdbc, Clock clock) throws IOException {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cacheRoot = Files.createTempDirectory("mamori-decks");
    }

    /** The newest published version of every deck for an audience (employee, examiner), by id. */
    @PreAuthorize("isAuthenticated()")
    public List<PublishedDeck> latest(String audience) {
        return jdbc.sql("SELECT deck_id, MAX(version) FROM deck_version WHERE audience = ? GROUP BY deck_id ORDER BY deck_id")
                .param(audience)
                .query((rs, n) -> deck(rs.getString(1), rs.getInt(2)).orElseThrow())
                .list();
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<PublishedDeck> latestVersion(String deckId) {
        return newest(deckId);
    }

    /** For the catalog's own start-up work (demo rules), where nobody is logged in. */
    Optional<PublishedDeck> newest(String deckId) {
        return jdbc.sql("SELECT MAX(version) FROM deck_version WHERE deck_id = ?").param(deckId)
                .query(Integer.class).optional()
                .flatMap(version -> deck(deckId, version));
    }

    /** How evidence records name a deck. */
    public static String evidenceRef(String deckId) {
        return "deck:" + deckId;
    }

    /** The title of the deck an evidence record names ({@link #evidenceRef}), in the reader's language. */
    @PreAuthorize("isAuthenticated()")
    public Optional<String> titleOf(String itemRef, String itemVersion, Locale locale) {
        if (!itemRef.startsWith("deck:") || !itemVersion.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return deck(itemRef.substring("deck:".length()), Integer.parseInt(itemVersion)).map(d -> d.deck().title().in(locale));
    }

    /** One exact version, as records point to it. */
    @PreAuthorize("isAuthenticated()")
    public Optional<PublishedDeck> version(String deckId, int version) {
        return deck(deckId, version);
    }

    private Optional<PublishedDeck> deck(String deckId, int version) {
        String key = deckId + "@" + version;
        PublishedDeck cached = parsed.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> archive = jdbc.sql("SELECT archive FROM deck_version WHERE deck_id = ? AND version = ?")
                .params(deckId, version).query((rs, n) -> rs.getBytes(1)).optional();
        return archive.map(bytes -> parsed.computeIfAbsent(key, k -> unpack(deckId, version, bytes)));
    }

    private PublishedDeck unpack(String deckId, int version, byte[] archive) {
        try {
            Path folder = Files.createDirectories(cacheRoot.resolve(deckId + "-" + version).resolve(deckId));
            DeckArchive.unzip(archive, folder);
            DeckReader.Result result = new DeckReader().read(folder, deckId);
            if (!result.problems().isEmpty()) {
                log.error("published deck {} v{} no longer reads cleanly: {}", deckId, version, result.problems());
            }
            return new PublishedDeck(result.deck().orElseThrow(
                    () -> new IllegalStateException("published deck " + deckId + " v" + version + " cannot be read")), folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Publishes a validated deck folder's files as a new version. Returns false when that exact version already
     * exists with the same content; refuses a different content under an existing version, since published
     * versions are frozen. Called by the bundled-deck loader at start-up and by deck upload.
     */
    boolean publish(Deck deck, Map<String, byte[]> files, String source, String publishedBy) {
        byte[] archive = DeckArchive.zip(files);
        String hash = Sha256.hex(archive);
        Optional<String> existing = jdbc.sql("SELECT sha256 FROM deck_version WHERE deck_id = ? AND version = ?")
                .params(deck.id(), deck.version()).query(String.class).optional();
        if (existing.isPresent()) {
            if (!existing.get().equals(hash)) {
                throw new IllegalStateException("deck " + deck.id() + " v" + deck.version()
                        + " is already published with other content: raise its version to publish a change");
            }
            return false;
        }
        jdbc.sql("INSERT IGNORE INTO deck_version (deck_id, version, title_ja, title_en, audience, archive, sha256, source, "
                        + "published_at, published_by) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(deck.id(), deck.version(), deck.title().ja(), deck.title().en(), deck.audience(), archive, hash,
                        source, UtcColumns.of(clock.instant()), publishedBy)
                .update();
        return true;
    }
}
