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
  void auth_knowsNoHttpFramework_andNoRoutes() {
    noClasses().that().resideInAPackage("org.custos.server.auth..")
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
            "org.custos.server.http..", "org.custos.server.dicomweb..", "org.custos.server.cli..",
            "org.custos.server.home..", "org.custos.storage..")
        .because("who may call is decided the same way for every transport; the access-control issue replaces the policy")
        .check(classes);
  }

  @Test
  void multipartReader_dependsOnTheJdkOnly() {
    classes().that().resideInAPackage("org.custos.server.dicomweb.multipart..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.custos.server.dicomweb.multipart..")
        .because("a body parser facing the network stays small and auditable")
        .check(classes);
  }

  @Test
  void webServer_getsItsRoutesAsData_andDicomwebDoesNotWireItself() {
    noClasses().that().resideInAPackage("org.custos.server.http..")
        .should().dependOnClassesThat().resideInAnyPackage("org.custos.server.dicomweb.stow..",
            "org.custos.server.dicomweb.qido..", "org.custos.server.dicomweb.wado..", "org.custos.server.cli..",
            "org.custos.server.home..", "org.custos.storage..")
        .because("the composition root (server.home) hands routes to the server; only multipart errors are mapped there")
        .check(classes);
    noClasses().that().resideInAPackage("org.custos.server.dicomweb..")
        .should().dependOnClassesThat().resideInAnyPackage("org.custos.server.cli..", "org.custos.server.home..",
            "org.custos.storage..", "org.eclipse.jetty..")
        .check(classes);
  }

  @Test
  void architectureRules_seeTheCodecClasses() {
    // Guards the two rules above against passing vacuously if the import finds nothing.
    for (String pkg : new String[] {"org.custos.dicom", "org.custos.crypto", "org.custos.archive", "org.custos.storage",
        "org.custos.server.auth", "org.custos.server.http", "org.custos.server.dicomweb"}) {
      org.assertj.core.api.Assertions.assertThat(classes.stream()
          .filter(c -> c.getPackageName().startsWith(pkg)).count()).as(pkg).isGreaterThan(5);
    }
  }
}
