package com.kameleoon.jakarta;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One class uses the optional MicroProfile Config API, and only after its presence was checked: any other class
 * naming an API type could be linked on a container without it (Tomcat) and fail the deployment with
 * {@code NoClassDefFoundError}.
 */
@AnalyzeClasses(packages = "com.kameleoon.jakarta", importOptions = ImportOption.DoNotIncludeTests.class)
class MicroProfileIsolationTest {
    @ArchTest
    static final ArchRule ONLY_THE_SOURCE_USES_MICROPROFILE = noClasses()
            .that().doNotHaveFullyQualifiedName("com.kameleoon.jakarta.internal.MicroProfileConfigSource")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.microprofile..")
            .because("the API is optional: only the class loaded after the presence check may name its types");
}
