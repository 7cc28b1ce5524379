package dev.assist.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md as rules: HTTP stays in the api package, Lucene stays out of it, and
 * configuration does not form a cycle with the stages it configures.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.assist");
    }

    @Test
    void apiDoesNotTouchLucene() {
        noClasses().that().resideInAPackage("dev.assist.api..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .check(classes);
    }

    @Test
    void nothingButTheApiAndTheCompositionRootKnowsHttp() {
        noClasses().that().resideOutsideOfPackage("dev.assist.api..")
                .and().doNotHaveFullyQualifiedName("dev.assist.Assist")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void pipelineStagesDoNotKnowAboutKeysOrMetrics() {
        noClasses().that().resideInAnyPackage("dev.assist.pipeline..", "dev.assist.retrieve..", "dev.assist.rerank..",
                        "dev.assist.compose..", "dev.assist.suggest..", "dev.assist.knowledge..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.assist.api..", "dev.assist.auth..", "io.micrometer..")
                .check(classes);
    }

    @Test
    void stagesThatConfigurationReadsDoNotReadConfigurationBack() {
        // config builds settings from compose, rerank and triage types; an edge back would be a cycle.
        noClasses().that().resideInAnyPackage("dev.assist.compose..", "dev.assist.rerank..", "dev.assist.triage..")
                .should().dependOnClassesThat().resideInAPackage("dev.assist.config..")
                .check(classes);
    }
}
