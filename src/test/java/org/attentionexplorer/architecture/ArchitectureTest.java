package org.attentionexplorer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md, checked on every build: once on the application's classes, and once on
 * fixtures that break each rule, to show the rules can fail.
 */
class ArchitectureTest {
    private static final String APP = "org.attentionexplorer";
    private static final String FIXTURES = "org.attentionexplorer.architecture.fixture";

    /** The core (everything outside {@code ui}) never depends on JavaFX. */
    static ArchRule coreNeverImportsJavaFx(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the core must run headless, from the command line and in tests");
    }

    /** The UI never calls ND4J: it gets immutable plain-Java traces. (Empty until the UI package exists.) */
    static ArchRule uiNeverCallsNd4j(String root) {
        return noClasses().that().resideInAPackage(root + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..")
                .because("views get immutable plain-Java traces, never tensors")
                .allowEmptyShould(true);
    }

    /** Only the command-line entry points print; everything else logs. */
    static ArchRule onlyCommandLinePrints(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("everything else logs through SLF4J");
    }

    /** SLF4J is the one logging API. */
    static ArchRule loggingThroughSlf4j(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..", "ch.qos.logback..")
                .because("SLF4J is the one logging API");
    }

    private static List<ArchRule> rules(String root) {
        return List.of(coreNeverImportsJavaFx(root), uiNeverCallsNd4j(root), onlyCommandLinePrints(root), loggingThroughSlf4j(root));
    }

    @Test
    void theApplicationKeepsEveryRule() {
        JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(APP);
        rules(APP).forEach(rule -> rule.check(app));
    }

    @Test
    void eachRuleCatchesAClassThatBreaksIt() {
        JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);
        for (ArchRule rule : rules(FIXTURES)) {
            assertThatThrownBy(() -> rule.check(fixtures)).as(rule.getDescription()).isInstanceOf(AssertionError.class);
        }
    }
}
