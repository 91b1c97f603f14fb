package jp.mamori;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature packages are Spring Modulith modules with no cycles and no reach into each other's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MamoriApplication.class);

    @Test
    void feature_modules_respect_their_boundaries() {
        modules.verify();
    }

    @Test
    void the_module_diagram_is_written_to_docs() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
