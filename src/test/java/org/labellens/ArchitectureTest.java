package org.labellens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of docs/decisions/0001-layering.md, enforced. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.labellens");
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }

  @Test
  void coreUsesTheJdkOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.labellens.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "javafx..",
                "java.sql..",
                "com.fasterxml..",
                "picocli..",
                "org.sqlite..",
                "org.labellens.classify..",
                "org.labellens.io..",
                "org.labellens.store..",
                "org.labellens.service..",
                "org.labellens.cli..",
                "org.labellens.ui..")
            .because("core is pure model and statistics"));
  }

  @Test
  void classifyDependsOnCoreOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.labellens.classify..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "javafx..",
                "java.sql..",
                "com.fasterxml..",
                "picocli..",
                "org.labellens.io..",
                "org.labellens.store..",
                "org.labellens.service..",
                "org.labellens.cli..",
                "org.labellens.ui..")
            .allowEmptyShould(true));
  }

  /**
   * The linear-time pattern engine is allowed, narrowly, where taxonomy patterns are checked (io)
   * and run (classify); nowhere else.
   */
  @Test
  void onlyClassifyAndIoUseThePatternEngine() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages("org.labellens.classify..", "org.labellens.io..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.google.re2j.."));
  }

  @Test
  void ioDependsOnCoreAndJacksonOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.labellens.io..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "javafx..",
                "java.sql..",
                "picocli..",
                "org.labellens.classify..",
                "org.labellens.store..",
                "org.labellens.service..",
                "org.labellens.cli..",
                "org.labellens.ui.."));
  }

  @Test
  void storeDependsOnCoreAndJdbcOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.labellens.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "javafx..",
                "com.fasterxml..",
                "picocli..",
                "org.labellens.classify..",
                "org.labellens.io..",
                "org.labellens.service..",
                "org.labellens.cli..",
                "org.labellens.ui.."));
  }

  @Test
  void onlyStoreTouchesJdbc() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage("org.labellens.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "org.sqlite.."));
  }

  @Test
  void serviceKnowsNoWindowAndNoCommandLine() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.labellens.service..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "javafx..", "picocli..", "org.labellens.cli..", "org.labellens.ui.."));
  }

  @Test
  void cliDependsOnServiceAndCoreOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.labellens.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "javafx..",
                "com.fasterxml..",
                "org.labellens.classify..",
                "org.labellens.io..",
                "org.labellens.store..",
                "org.labellens.ui.."));
  }

  @Test
  void uiDependsOnServiceCoreAndJavaFxOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.labellens.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "com.fasterxml..",
                "picocli..",
                "org.labellens.classify..",
                "org.labellens.io..",
                "org.labellens.store..",
                "org.labellens.cli.."));
  }

  @Test
  void nothingButTheLauncherDependsOnUiOrCli() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages("org.labellens.ui..", "org.labellens.cli..")
            .and()
            .doNotHaveFullyQualifiedName("org.labellens.Launcher")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.labellens.ui..", "org.labellens.cli.."));
  }

  @Test
  void viewModelsHoldNoNodesOrStages() {
    check(
        noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
            .because("view models are tested without the toolkit and never hold views"));
  }

  @Test
  void nothingPrintsToStandardOutputOutsideTheCommandLine() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage("org.labellens.cli..")
            .and()
            .doNotHaveFullyQualifiedName("org.labellens.Launcher")
            .should()
            .accessField(System.class, "out")
            .because("only the command line writes to stdout"));
  }

  @Test
  void packagesAreFreeOfCycles() {
    check(slices().matching("org.labellens.(*)..").should().beFreeOfCycles());
  }
}
