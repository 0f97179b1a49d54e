package com.kameleoon.compat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The programs use only packages the official SDK has ({@code com.kameleoon}, {@code .data}, {@code .types},
 * {@code .logging}), so that they would compile against it too: none of this project's own packages.
 * {@code com.kameleoon.exceptions} is not checked: the sources never name it, but the compiler does, as the common
 * super type of a multi-catch of the official nested exceptions (they extend this project's types).
 */
@AnalyzeClasses(packages = "com.kameleoon.compat")
class OfficialPackagesOnlyTest {
    @ArchTest
    static final ArchRule PROGRAMS_USE_THE_OFFICIAL_PACKAGES_ONLY = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.kameleoon.internal..", "com.kameleoon.spi..", "com.kameleoon.integration..", "com.kameleoon.config..",
                    "com.kameleoon.jakarta..", "com.kameleoon.persistence..")
            .because("they are written from the official SDK's documentation, which knows only its own packages");
}
