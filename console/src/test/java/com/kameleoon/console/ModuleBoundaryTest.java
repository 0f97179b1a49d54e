package com.kameleoon.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.kameleoon.architecture.ModuleBoundaries;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The main classes of kameleoon-console use core only through its public packages, and the Jakarta integration only
 * through its public API ({@code KameleoonJakarta}), as any other plug-in would.
 */
@AnalyzeClasses(packages = "com.kameleoon.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundaryTest {
    @ArchTest
    static final ArchTests BOUNDARIES = ArchTests.in(ModuleBoundaries.class);

    @ArchTest
    static final ArchRule JAKARTA_PUBLIC_API_ONLY = noClasses().should().dependOnClassesThat()
            .resideInAPackage("com.kameleoon.jakarta.internal..")
            .because("the console plugs into the Jakarta integration the way an application's own module would");
}
