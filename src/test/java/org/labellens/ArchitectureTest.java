package org.labellens;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labellens.io.JsonOutput;

/**
 * The layer table of docs/decisions/0001-layering.md, enforced as allow-lists: one rule per row
 * says what a layer may use (the JDK, itself and the packages its row names); anything else,
 * including a library added to the build later, fails the rule until the table says otherwise.
 */
class ArchitectureTest {
  /** The JDK's own packages ({@code javax.imageio} writes the window's screenshots). */
  private static final String[] JDK = {"java..", "javax.."};

  private static final String CORE = "org.labellens.core..";
  private static final String CLASSIFY = "org.labellens.classify..";
  private static final String IO = "org.labellens.io..";
  private static final String STORE = "org.labellens.store..";
  private static final String SERVICE = "org.labellens.service..";
  private static final String CLI = "org.labellens.cli..";
  private static final String UI = "org.labellens.ui..";

  private static final String JACKSON = "com.fasterxml.jackson..";
  private static final String RE2J = "com.google.re2j..";
  private static final String JSON_SCHEMA = "com.networknt.schema..";
  private static final String SQLITE_DRIVER = "org.sqlite..";
  private static final String COMMONMARK = "org.commonmark..";
  private static final String PICOCLI = "picocli..";
  private static final String JAVAFX = "javafx..";
  private static final String ATLANTAFX_THEMES = "atlantafx.base.theme..";

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

  /** Classes of {@code layer} use nothing outside {@code allowed}. */
  private static ArchRule layer(String layer, DescribedPredicate<JavaClass> allowed) {
    return classes()
        .that()
        .resideInAPackage(layer)
        .should()
        .onlyDependOnClassesThat(resideInAnyPackage(JDK).or(resideInAnyPackage(layer)).or(allowed));
  }

  private static ArchRule layer(String layer, String... allowed) {
    return layer(layer, resideInAnyPackage(allowed));
  }

  @Test
  void coreUsesTheJdkOnly() {
    check(layer(CORE).because("core is pure model and statistics"));
  }

  /** The linear-time pattern engine runs the taxonomy's patterns. */
  @Test
  void classifyUsesCoreOnly() {
    check(layer(CLASSIFY, CORE, RE2J));
  }

  /**
   * The pattern engine checks the taxonomy's patterns when the taxonomy is read; the JSON Schema
   * validator checks the taxonomy's shape.
   */
  @Test
  void ioUsesCoreAndJacksonOnly() {
    check(layer(IO, CORE, JACKSON, RE2J, JSON_SCHEMA));
  }

  /** {@code java.sql} is part of the JDK; the driver is reached through it, never by name. */
  @Test
  void storeUsesCoreAndJdbcOnly() {
    check(layer(STORE, CORE));
  }

  /** Issue bodies are Markdown: a service parses them into the model the window draws. */
  @Test
  void serviceUsesCoreClassifyIoAndStoreOnly() {
    check(layer(SERVICE, CORE, CLASSIFY, IO, STORE, COMMONMARK));
  }

  /**
   * picocli is the command line itself; the JSON a command prints is written by the one JSON writer
   * the exports use too.
   */
  @Test
  void cliUsesServiceAndCoreOnly() {
    check(
        layer(
            CLI,
            resideInAnyPackage(SERVICE, CORE, PICOCLI)
                .or(type(JsonOutput.class))
                .or(type(JsonOutput.PrettyStream.class))));
  }

  /** AtlantaFX is a set of JavaFX style sheets, applied in one place (ui/Theme). */
  @Test
  void uiUsesServiceCoreAndJavaFxOnly() {
    check(layer(UI, SERVICE, CORE, JAVAFX, ATLANTAFX_THEMES));
  }

  /** A package outside the table would escape every rule above. */
  @Test
  void everyClassBelongsToALayer() {
    check(
        classes()
            .should()
            .resideInAnyPackage(CORE, CLASSIFY, IO, STORE, SERVICE, CLI, UI)
            .orShould()
            .haveFullyQualifiedName("org.labellens.Launcher"));
  }

  @Test
  void onlyStoreTouchesJdbc() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(STORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", SQLITE_DRIVER));
  }

  @Test
  void nothingButTheLauncherDependsOnUiOrCli() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(UI, CLI)
            .and()
            .doNotHaveFullyQualifiedName("org.labellens.Launcher")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(UI, CLI));
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
            .resideOutsideOfPackage(CLI)
            .and()
            .doNotHaveFullyQualifiedName("org.labellens.Launcher")
            .should()
            .accessField(System.class, "out")
            .because("only the command line writes to stdout"));
  }

  /** Every package against every other, at every depth (core.stats and core.model too). */
  @Test
  void packagesAreFreeOfCycles() {
    check(slices().matching("org.labellens.(**)").should().beFreeOfCycles());
  }
}
