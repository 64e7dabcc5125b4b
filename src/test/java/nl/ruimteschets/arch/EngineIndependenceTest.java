package nl.ruimteschets.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EngineIndependenceTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.ruimteschets");

    @Test
    void engineNeverImportsJavaFx() {
        noClasses().that().resideInAnyPackage("..model..", "..geo..", "..io..", "..analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("the engine runs headless in the CLI and in tests; the UI is a thin layer over it")
                .check(classes);
    }

    @Test
    void engineDoesNotReachUpIntoUiOrApp() {
        noClasses().that().resideInAnyPackage("..model..", "..geo..", "..io..", "..analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.ruimteschets.ui..", "nl.ruimteschets.app..",
                        "nl.ruimteschets.render..")
                .because("data flows one way: the UI and the CLI drive the engine, never the reverse")
                .check(classes);
    }

    @Test
    void modelDependsOnNothingButJts() {
        noClasses().that().resideInAPackage("nl.ruimteschets.model..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.ruimteschets.geo..", "nl.ruimteschets.io..",
                        "nl.ruimteschets.analysis..")
                .because("the model is the plain vocabulary every other layer shares")
                .check(classes);
    }
}
