package jp.mamori;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;

/** Rules of the codebase that read as sentences (STYLE.md). */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.mamori");

    @Test
    void services_do_not_depend_on_vaadin() {
        noClasses().that().resideOutsideOfPackages("..ui..")
                .and().areNotAnnotatedWith(Configuration.class)
                .and().doNotHaveSimpleName("MamoriApplication")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(MAIN);
    }

    @Test
    void only_evidence_touches_the_ledger_tables() throws IOException {
        for (Path file : mainSources()) {
            String source = Files.readString(file).toLowerCase(Locale.ROOT);
            boolean owner = file.toString().contains("/jp/mamori/evidence/") || file.toString().contains("/db/migration/");
            if (!owner) {
                assertThat(source).as(file.toString()).doesNotContain("evidence_record").doesNotContain("evidence_chain_head");
            }
        }
    }

    @Test
    void no_code_updates_or_deletes_an_evidence_record() throws IOException {
        for (Path file : mainSources()) {
            String source = Files.readString(file).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            assertThat(source).as(file.toString())
                    .doesNotContain("update evidence_record")
                    .doesNotContain("delete from evidence_record")
                    .doesNotContain("truncate evidence_record")
                    .doesNotContain("replace into evidence_record");
        }
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            return files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql")).toList();
        }
    }
}
