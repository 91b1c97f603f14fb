package jp.mamori.exam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemParser;
import jp.mamori.questionbank.ItemYaml;
import jp.mamori.shared.Sha256;
import jp.mamori.shared.db.UtcColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exam item banks shipped in the question-bank jar ({@code banks/<bank>/*.yaml}), read once at start-up.
 * A bank file with problems is left out whole and logged, and so is any item whose id is already taken.
 * At start-up every item version is published to the database, and a published version never changes: if a bundled
 * item differs from its published text without a new version number, the published text is used (and the slip
 * logged). Items are found by id and the exact version an attempt saw, also after the bank has dropped them.
 */
@Component
@Order(5)
class ItemBanks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ItemBanks.class);

    private final Map<String, List<Item>> banks = new HashMap<>();
    private final Map<String, Item> byIdAndVersion = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;

    /** The bundled banks alone, with no database behind them. */
    ItemBanks() throws IOException {
        this(null, null);
    }

    @Autowired
    ItemBanks(JdbcClient jdbc, Clock clock) throws IOException {
        this.jdbc = jdbc;
        this.clock = clock;
        ItemParser parser = new ItemParser();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:banks/*/*.yaml")) {
            String url = resource.getURL().toString();
            String path = url.substring(url.lastIndexOf("/banks/") + "/banks/".length());
            String bank = path.substring(0, path.indexOf('/'));
            ItemParser.Result result;
            try (var in = resource.getInputStream()) {
                result = parser.parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + url, e);
            }
            if (!result.problems().isEmpty()) {
                log.error("bank file {} is left out: {}", path, result.problems());
                continue;
            }
            for (Item item : result.items()) {
                // An id already taken (a slip while editing) must never put one item twice into a form.
                if (byIdAndVersion.containsKey(item.id() + "@" + item.version())
                        || banks.getOrDefault(bank, List.of()).stream().anyMatch(known -> known.id().equals(item.id()))) {
                    log.error("item {} in {} is left out: its id is already used", item.id(), path);
                    continue;
                }
                banks.computeIfAbsent(bank, b -> new ArrayList<>()).add(item);
                byIdAndVersion.put(item.id() + "@" + item.version(), item);
            }
        }
    }

    /** The ids of the bundled banks, sorted. */
    List<String> bankIds() {
        return banks.keySet().stream().sorted().toList();
    }

    List<Item> bank(String bank) {
        return banks.getOrDefault(bank, List.of());
    }

    Optional<Item> item(String id, int version) {
        Item known = byIdAndVersion.get(id + "@" + version);
        if (known != null || jdbc == null) {
            return Optional.ofNullable(known);
        }
        Optional<Item> published = jdbc.sql("SELECT yaml FROM bank_item_version WHERE item_id = ? AND version = ?")
                .params(id, version).query(String.class).optional().map(yaml -> parsePublished(id, version, yaml));
        published.ifPresent(item -> byIdAndVersion.put(id + "@" + version, item));
        return published;
    }

    /** Publishes the bundled item versions not yet in the database; a changed text under a published version loses. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Map<String, String> published = new HashMap<>();
        jdbc.sql("SELECT item_id, version, yaml FROM bank_item_version")
                .query(rs -> {
                    published.put(rs.getString(1) + "@" + rs.getInt(2), rs.getString(3));
                });
        for (Map.Entry<String, List<Item>> bank : banks.entrySet()) {
            List<Item> items = bank.getValue();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                String yaml = ItemYaml.write(List.of(item));
                String stored = published.get(item.id() + "@" + item.version());
                if (stored == null) {
                    // IGNORE: another node starting at the same moment publishes the same text.
                    jdbc.sql("INSERT IGNORE INTO bank_item_version (item_id, version, bank, yaml, sha256, published_at) VALUES (?,?,?,?,?,?)")
                            .params(item.id(), item.version(), bank.getKey(), yaml, Sha256.hex(yaml.getBytes(StandardCharsets.UTF_8)),
                                    UtcColumns.of(clock.instant()))
                            .update();
                } else if (!stored.equals(yaml)) {
                    log.error("item {} v{} ({}) differs from its published text: give changes a new version; the published text is used",
                            item.id(), item.version(), item.location());
                    Item kept = parsePublished(item.id(), item.version(), stored);
                    items.set(i, kept);
                    byIdAndVersion.put(item.id() + "@" + item.version(), kept);
                }
            }
        }
    }

    private static Item parsePublished(String id, int version, String yaml) {
        ItemParser.Result result = new ItemParser().parse("published:" + id + "@" + version, yaml);
        if (!result.problems().isEmpty() || result.items().size() != 1) {
            throw new IllegalStateException("published item " + id + " v" + version + " cannot be read: " + result.problems());
        }
        return result.items().getFirst();
    }
}
