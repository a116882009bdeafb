package io.eventsourcing.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DomainDependsOnJdkOnlyTest {

    @Test
    void domainPackageUsesNothingButTheJdk() {
        JavaClasses domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.eventsourcing.domain");

        classes().that().resideInAPackage("io.eventsourcing.domain")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.eventsourcing.domain", "java..")
                .check(domain);
    }
}
