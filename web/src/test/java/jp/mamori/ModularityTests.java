package jp.mamori;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature packages are Spring Modulith modules with no cycles and no reach into each other's internals. */
class ModularityTests {

    private static final Path DOCS = Path.of("../docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(MamoriApplication.class);

    @Test
    void feature_modules_respect_their_boundaries() {
        modules.verify();
    }

    @Test
    void the_module_diagram_is_written_to_docs() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortRelations();
    }

    /** The documenter lists relations in no fixed order; sorted, the diagrams only change when the modules do. */
    private static void sortRelations() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file);
                List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
                List<String> sorted = new ArrayList<>();
                int next = 0;
                for (String line : lines) {
                    sorted.add(line.startsWith("Rel(") ? relations.get(next++) : line);
                }
                Files.write(file, sorted);
            }
        }
    }
}
