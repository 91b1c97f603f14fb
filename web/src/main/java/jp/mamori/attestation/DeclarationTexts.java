package jp.mamori.attestation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.mamori.content.Declaration;
import jp.mamori.content.DeclarationReader;
import jp.mamori.shared.Sha256;
import jp.mamori.shared.db.UtcColumns;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The declaration texts shipped in the content jar ({@code declarations/*.yaml}), published to the database at
 * start-up as frozen versions: a signature always points at the exact text that was signed.
 */
@Component
@Order(6)
class DeclarationTexts implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<Bundled> bundled = new ArrayList<>();
    private final Map<String, Declaration> parsed = new ConcurrentHashMap<>();

    DeclarationTexts(JdbcClient jdbc, Clock clock) throws IOException {
        this.jdbc = jdbc;
        this.clock = clock;
        DeclarationReader reader = new DeclarationReader();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:declarations/*.yaml")) {
            String yaml;
            try (var in = resource.getInputStream()) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
            DeclarationReader.Result result = reader.read(resource.getFilename(), yaml);
            if (!result.problems().isEmpty()) {
                throw new IllegalStateException("bundled declaration " + resource.getFilename() + " is broken: " + result.problems());
            }
            result.declarations().forEach(declaration -> bundled.add(new Bundled(declaration, yaml)));
        }
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Bundled text : bundled) {
            Declaration declaration = text.declaration();
            String yaml = text.yaml();
            jdbc.sql("INSERT IGNORE INTO declaration_version (declaration_id, version, yaml, sha256, published_at) VALUES (?,?,?,?,?)")
                    .params(declaration.id(), declaration.version(), yaml, Sha256.hex(yaml.getBytes(StandardCharsets.UTF_8)),
                            UtcColumns.of(clock.instant()))
                    .update();
        }
    }

    /** The newest published version of every declaration, in id order. */
    List<Declaration> current() {
        return jdbc.sql("SELECT declaration_id, MAX(version) FROM declaration_version GROUP BY declaration_id ORDER BY declaration_id")
                .query((rs, n) -> version(rs.getString(1), rs.getInt(2)).orElseThrow()).list();
    }

    /** A declaration as read, with the text it was read from (what is published). */
    private record Bundled(Declaration declaration, String yaml) {
    }

    /** A published version never changes, so each is read and parsed once. */
    Optional<Declaration> version(String id, int version) {
        String key = id + "@" + version;
        Declaration known = parsed.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Declaration> read = jdbc.sql("SELECT yaml FROM declaration_version WHERE declaration_id = ? AND version = ?")
                .params(id, version).query(String.class).optional()
                .map(yaml -> new DeclarationReader().read(id + ".yaml", yaml).declarations().getFirst());
        read.ifPresent(declaration -> parsed.put(key, declaration));
        return read;
    }
}
