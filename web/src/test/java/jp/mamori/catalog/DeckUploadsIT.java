package jp.mamori.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.mamori.identity.TestUsers;
import jp.mamori.learning.Training;
import jp.mamori.questionbank.Problem;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.annotation.DirtiesContext;

/** Uploading a new deck version: all-or-nothing validation, publication on confirmation, learners keep their version. */
@MamoriIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeckUploadsIT {

    @Autowired
    DeckUploads uploads;
    @Autowired
    DeckCatalog catalog;
    @Autowired
    Training training;
    @Autowired
    TestUsers users;


    @Test
    void a_new_version_is_published_and_learners_in_progress_keep_the_version_they_started() throws Exception {
        users.loginAs("upload-early@example.jp", Role.LEARNER);
        training.open("pms-and-you");
        training.show("pms-and-you", 3);
        users.loginAs("upload-admin@example.jp", Role.TRAINING_ADMIN);
        Map<String, byte[]> files = bundledWithVersion("pms-and-you", 2, "pms-and-you/");

        DeckUpload upload = uploads.validate("pms-and-you-v2.zip", zip(files));
        assertThat(upload.problems()).isEmpty();
        assertThat(catalog.latestVersion("pms-and-you").orElseThrow().version()).as("not before confirmation").isEqualTo(1);
        uploads.publish(upload);

        assertThat(catalog.latestVersion("pms-and-you").orElseThrow().version()).isEqualTo(2);
        users.loginAs("upload-early@example.jp", Role.LEARNER);
        assertThat(training.open("pms-and-you").deck().version()).isEqualTo(1);
        assertThat(training.open("pms-and-you").currentSlide()).isEqualTo(3);
        users.loginAs("upload-late@example.jp", Role.LEARNER);
        assertThat(training.open("pms-and-you").deck().version()).isEqualTo(2);
    }

    @Test
    void a_zip_with_the_files_at_its_top_level_works_too() throws Exception {
        users.loginAs("upload-flat@example.jp", Role.TRAINING_ADMIN);

        DeckUpload upload = uploads.validate("flat.zip", zip(bundledWithVersion("incident-trends", 7, "")));

        assertThat(upload.problems()).isEmpty();
        assertThat(upload.deck().orElseThrow().id()).isEqualTo("incident-trends");
    }

    @Test
    void a_broken_deck_lists_every_problem_by_file_and_line_and_publishes_nothing() throws Exception {
        users.loginAs("upload-bad@example.jp", Role.TRAINING_ADMIN);
        Map<String, byte[]> files = bundledWithVersion("why-pi-matters", 9, "why-pi-matters/");
        String deck = new String(files.get("why-pi-matters/deck.md"), StandardCharsets.UTF_8);
        files.put("why-pi-matters/deck.md", deck.replaceFirst("\\n---\\n", "\n---\n\n# 追加\n\n![図](images/missing.png)\n\n---\n")
                .getBytes(StandardCharsets.UTF_8));
        String check = new String(files.get("why-pi-matters/check.yaml"), StandardCharsets.UTF_8);
        files.put("why-pi-matters/check.yaml", check.replaceFirst("\\n    key: \\[[a-d]]", "").getBytes(StandardCharsets.UTF_8));

        DeckUpload upload = uploads.validate("broken.zip", zip(files));

        assertThat(upload.publishable()).isFalse();
        assertThat(upload.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.matches("why-pi-matters/deck\\.md:\\d+: slide \\d+: image images/missing.png does not exist"))
                .anyMatch(p -> p.matches("why-pi-matters/check\\.yaml:\\d+: item why-pi-matters-\\d+ has no key"));
        assertThatThrownBy(() -> uploads.publish(upload)).isInstanceOf(IllegalArgumentException.class);
        assertThat(catalog.latestVersion("why-pi-matters").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void the_same_version_again_and_unsafe_zips_are_refused() throws Exception {
        users.loginAs("upload-same@example.jp", Role.TRAINING_ADMIN);

        assertThat(uploads.validate("same.zip", zip(bundledWithVersion("our-rules", 1, "our-rules/"))).problems())
                .extracting(Problem::message).anyMatch(m -> m.startsWith("version 1 is not newer"));
        assertThat(uploads.validate("evil.zip", zip(Map.of("../evil/deck.md", "x".getBytes()))).problems())
                .extracting(Problem::message).containsExactly("../evil/deck.md: path leaves the deck folder");
        assertThat(uploads.validate("text.zip", "not a zip".getBytes()).problems())
                .extracting(Problem::message).containsExactly("not a zip file, or an empty one");
        assertThat(uploads.validate("other.zip", zip(Map.of("notes/readme.txt", "x".getBytes()))).problems())
                .extracting(Problem::message).anyMatch(m -> m.startsWith("no deck.md"));
    }

    @Test
    void only_training_admins_upload() {
        users.loginAs("upload-learner@example.jp", Role.LEARNER);

        assertThatThrownBy(() -> uploads.validate("x.zip", new byte[0])).isInstanceOf(AuthorizationDeniedException.class);
    }

    private static Map<String, byte[]> bundledWithVersion(String deckId, int version, String prefix) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        BundledDecks.bundled().get(deckId).forEach((path, bytes) -> {
            byte[] content = path.equals("deck.md")
                    ? new String(bytes, StandardCharsets.UTF_8).replaceFirst("(?m)^version: \\d+$", "version: " + version)
                            .getBytes(StandardCharsets.UTF_8)
                    : bytes;
            files.put(prefix + path, content);
        });
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
