package io.eventsourcing.sample.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sample's domain model knows the JDK and the library's domain and DCB types, and nothing of Spring. */
class DomainDependsOnCoreOnlyTests {

    @Test
    void domainPackageUsesTheJdkAndTheLibrarysCoreOnly() {
        JavaClasses domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.eventsourcing.sample.domain");

        classes().that().resideInAPackage("io.eventsourcing.sample.domain")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.eventsourcing.sample.domain",
                        "io.eventsourcing.domain", "io.eventsourcing.dcb", "java..", "org.jspecify..")
                .check(domain);
    }
}
