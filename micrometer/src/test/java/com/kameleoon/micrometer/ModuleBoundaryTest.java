package com.kameleoon.micrometer;

import com.kameleoon.architecture.ModuleBoundaries;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The main classes of kameleoon-micrometer use core only through its public packages. */
@AnalyzeClasses(packages = "com.kameleoon.micrometer", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundaryTest {
    @ArchTest
    static final ArchTests BOUNDARIES = ArchTests.in(ModuleBoundaries.class);
}
