package jp.mamori.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.mamori.questionbank.Item;
import jp.mamori.questionbank.ItemParser;

/** The competency bank as shipped, so a journey can answer like a candidate who knows every key. */
final class KnownItems {

    private KnownItems() {
    }

    static List<Item> competency() {
        try {
            URI uri = KnownItems.class.getClassLoader().getResource("banks/competency").toURI();
            Path dir;
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException first) {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                dir = jar.getPath("banks/competency");
            } else {
                dir = Path.of(uri);
            }
            List<Item> items = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    items.addAll(new ItemParser().parse(file.getFileName().toString(), Files.readString(file)).items());
                }
            }
            return items;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the competency bank", e);
        }
    }
}
