package jp.mamori.exam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The exam item banks shipped in the question-bank jar ({@code banks/<bank>/*.yaml}), read once at start-up.
 * A bank file with problems is left out whole and logged, and so is any item whose id is already taken. Items are found by id and the exact version an attempt saw.
 */
@Component
class ItemBanks {

    private static final Logger log = LoggerFactory.getLogger(ItemBanks.class);

    private final Map<String, List<Item>> banks = new HashMap<>();
    private final Map<String, Item> byIdAndVersion = new HashMap<>();

    ItemBanks() throws IOException {
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

    List<Item> bank(String bank) {
        return banks.getOrDefault(bank, List.of());
    }

    Optional<Item> item(String id, int version) {
        return Optional.ofNullable(byIdAndVersion.get(id + "@" + version));
    }
}
