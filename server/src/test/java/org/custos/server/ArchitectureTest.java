package org.custos.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward (DESIGN.md, "Shape of the system"): the domain knows nothing of
 * HTTP, SQL, command lines or the adapters. Checked on the compiled classes of every module on
 * this module's class path.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.custos");
  }

  @Test
  void dicomCodec_dependsOnlyOnTheJdkJacksonCoreAndImageIo() {
    classes().that().resideInAPackage("org.custos.dicom..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "java..", "javax.imageio..", "javax.annotation..", "com.fasterxml.jackson.core..", "org.custos.dicom..")
        .because("the codec is the base every module trusts: JDK, jackson-core and ImageIO plugins only")
        .check(classes);
  }

  @Test
  void domain_neverDependsOnAdapters() {
    noClasses().that().resideInAnyPackage("org.custos.dicom..", "org.custos.core..", "org.custos.verify..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.custos.server..", "picocli..", "io.javalin..", "org.eclipse.jetty..", "java.sql..", "javax.sql..",
            "org.slf4j..", "ch.qos.logback..")
        .check(classes);
  }

  @Test
  void architectureRules_seeTheCodecClasses() {
    // Guards the two rules above against passing vacuously if the import finds nothing.
    org.assertj.core.api.Assertions.assertThat(classes.stream()
        .filter(c -> c.getPackageName().startsWith("org.custos.dicom")).count()).isGreaterThan(20);
  }
}
