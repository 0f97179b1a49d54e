package com.kameleoon.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rule that keeps the other modules off core's machinery, published in core's test jar so that each module
 * runs it on its own main classes:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.kameleoon.jakarta", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ModuleBoundaryTest {
 *     @ArchTest
 *     static final ArchTests BOUNDARIES = ArchTests.in(ModuleBoundaries.class);
 * }
 * }</pre>
 *
 * Each module checks itself, rather than one module checking all, so that the rule runs wherever a module's
 * tests run and a module's test classes (which may use internals to set up a case) stay out of it.
 */
public final class ModuleBoundaries {
    /** Core's main packages that other modules must not use. */
    public static final String CORE_INTERNALS = "com.kameleoon.internal..";

    /** Main code outside core uses core only through its public API, the SPI and the integration package. */
    @ArchTest
    public static final ArchRule CORE_PUBLIC_API_ONLY = noClasses()
            .that().resideInAnyPackage("com.kameleoon.jakarta..", "com.kameleoon.persistence..",
                    "com.kameleoon.sample..", "com.kameleoon.testkit..", "com.kameleoon.openfeature..",
                    "com.kameleoon.microprofile..", "com.kameleoon.console..", "com.kameleoon.micrometer..")
            .should().dependOnClassesThat().resideInAPackage(CORE_INTERNALS)
            .because("core's internal packages may change in any release; what another module needs from core "
                    + "belongs in a public, documented package");

    private ModuleBoundaries() {
    }
}
