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
    noClasses().that().resideInAnyPackage("org.custos.dicom..", "org.custos.crypto..", "org.custos.archive..",
            "org.custos.verify..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.custos.server..", "org.custos.storage..", "picocli..", "io.javalin..", "org.eclipse.jetty..",
            "java.sql..", "javax.sql..", "org.slf4j..", "ch.qos.logback..", "software.amazon..", "org.flywaydb..",
            "com.zaxxer..")
        .check(classes);
  }

  @Test
  void crypto_knowsNothingOfTheArchive() {
    noClasses().that().resideInAPackage("org.custos.crypto..")
        .should().dependOnClassesThat().resideInAnyPackage("org.custos.archive..", "org.custos.dicom..")
        .because("keys and the blob format are below the archive (DESIGN.md, Shape of the system)")
        .check(classes);
  }

  @Test
  void storageAdapters_areNotUsedByTheDomain_andDoNotUseTheCli() {
    noClasses().that().resideInAPackage("org.custos.storage..")
        .should().dependOnClassesThat().resideInAnyPackage("org.custos.server..", "picocli..")
        .check(classes);
  }

  @Test
  void architectureRules_seeTheCodecClasses() {
    // Guards the two rules above against passing vacuously if the import finds nothing.
    for (String pkg : new String[] {"org.custos.dicom", "org.custos.crypto", "org.custos.archive", "org.custos.storage"}) {
      org.assertj.core.api.Assertions.assertThat(classes.stream()
          .filter(c -> c.getPackageName().startsWith(pkg)).count()).as(pkg).isGreaterThan(5);
    }
  }
}
