package jp.mamori.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.mamori.content.DeckReader;
import jp.mamori.evidence.AuditAction;
import jp.mamori.evidence.AuditLog;
import jp.mamori.questionbank.Problem;
import jp.mamori.shared.security.CurrentPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.FileSystemUtils;

/**
 * New deck versions uploaded as a zip of the deck folder: validated completely (every problem listed by file and
 * line), previewed, and published only on confirmation and only without problems. Learners who started an older
 * version keep it until they finish.
 */
@Service
public class DeckUploads {

    static final int MAX_ZIP_BYTES = 20 * 1024 * 1024;

    private final DeckCatalog catalog;
    private final AuditLog auditLog;

    DeckUploads(DeckCatalog catalog, AuditLog auditLog) {
        this.catalog = catalog;
        this.auditLog = auditLog;
    }

    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    public DeckUpload validate(String fileName, byte[] zip) {
        List<Problem> problems = new ArrayList<>();
        if (zip.length > MAX_ZIP_BYTES) {
            problems.add(new Problem(fileName, 0, "the zip is larger than 20 MB"));
            return new DeckUpload(fileName, Optional.empty(), problems, Map.of());
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("mamori-upload");
            Path unpacked = Files.createDirectories(work.resolve("unpacked"));
            try {
                DeckArchive.unzip(zip, unpacked);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(fileName, 0, e.getMessage()));
                return new DeckUpload(fileName, Optional.empty(), problems, Map.of());
            }
            if (isEmpty(unpacked)) {
                problems.add(new Problem(fileName, 0, "not a zip file, or an empty one"));
                return new DeckUpload(fileName, Optional.empty(), problems, Map.of());
            }
            Optional<Path> folder = deckFolder(unpacked);
            if (folder.isEmpty()) {
                problems.add(new Problem(fileName, 0, "no deck.md at the top of the zip or in its one top folder"));
                return new DeckUpload(fileName, Optional.empty(), problems, Map.of());
            }
            if (folder.get().equals(unpacked)) {
                // Files at the top of the zip: give them a folder named by the deck's own id, as authors keep decks.
                Optional<String> id = new DeckReader().read(unpacked, "deck").deck().map(d -> d.id()).filter(i -> !i.isEmpty());
                if (id.isPresent() && id.get().matches("[a-z0-9][a-z0-9-]{0,59}")) {
                    folder = Optional.of(Files.move(unpacked, work.resolve(id.get())));
                }
            }
            String name = folder.get().getFileName().toString();
            DeckReader.Result result = new DeckReader().read(folder.get(), name);
            problems.addAll(result.problems());
            result.deck().ifPresent(deck -> catalog.newest(deck.id()).ifPresent(published -> {
                if (deck.version() <= published.version()) {
                    problems.add(new Problem(name + "/deck.md", 3, "version " + deck.version() + " is not newer than the published version "
                            + published.version() + ": raise it"));
                }
                if (!deck.audience().equals(published.deck().audience())) {
                    problems.add(new Problem(name + "/deck.md", 1, "audience " + deck.audience() + " differs from the published deck's "
                            + published.deck().audience()));
                }
            }));
            return new DeckUpload(fileName, result.deck(), problems, files(folder.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                FileSystemUtils.deleteRecursively(work.toFile());
            }
        }
    }

    /** Publishes a validated upload as a new frozen version; refuses one with problems. */
    @PreAuthorize("hasRole('TRAINING_ADMIN')")
    @Transactional
    public void publish(DeckUpload upload) {
        if (!upload.publishable()) {
            throw new IllegalArgumentException("an upload with problems cannot be published");
        }
        String actor = CurrentPrincipal.require().email();
        var deck = upload.deck().orElseThrow();
        catalog.publish(deck, upload.files(), "upload", actor);
        auditLog.record(AuditAction.CONTENT_PUBLISHED, actor, "deck " + deck.id() + " v" + deck.version(), upload.fileName());
    }

    private static Optional<Path> deckFolder(Path root) throws IOException {
        if (Files.isRegularFile(root.resolve("deck.md"))) {
            return Optional.of(root);
        }
        try (Stream<Path> children = Files.list(root)) {
            List<Path> folders = children.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("__MACOSX")).toList();
            return folders.size() == 1 && Files.isRegularFile(folders.getFirst().resolve("deck.md"))
                    ? Optional.of(folders.getFirst()) : Optional.empty();
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
    }

    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
