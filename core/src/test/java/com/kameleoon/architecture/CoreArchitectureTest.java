package com.kameleoon.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.targeting.TargetingContext;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** The structure of core's main classes: what the SPI may see, and which classes may depend on which. */
@AnalyzeClasses(packages = "com.kameleoon", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
    @ArchTest
    static final ArchRule SPI_SEES_NO_INTERNAL_TYPE = noClasses()
            .that().resideInAPackage("com.kameleoon.spi..")
            .should().dependOnClassesThat().resideInAPackage(ModuleBoundaries.CORE_INTERNALS)
            .because("stores and outboxes outside core implement the SPI, so its signatures must not change "
                    + "when core's machinery does");

    /**
     * One slice per source file: a class and its nested classes. A cycle of any length between files is a
     * violation, so that two classes never need each other to be understood or changed.
     */
    private static final SliceAssignment SOURCE_FILES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            JavaClass outermost = javaClass;
            while (outermost.getEnclosingClass().isPresent()) {
                outermost = outermost.getEnclosingClass().get();
            }
            return SliceIdentifier.of(outermost.getName());
        }

        @Override
        public String getDescription() {
            return "source files";
        }
    };

    /*
     * The one known exception: the compiled datafile holds compiled targeting trees, whose SEGMENT and
     * TARGET_FEATURE_FLAG conditions look the configuration up again through the context (Configuration ->
     * SegmentDef -> TargetingNode -> TargetingContext -> Configuration). Breaking it means giving the context a
     * narrower view of the configuration, which changes the evaluator's construction of contexts; until then
     * this one edge is left out, and every other cycle still fails.
     */
    /*
     * The second: the official SDK's exception names. Its nested types (KameleoonException.FeatureNotFound, ...)
     * and this project's top-level ones (exceptions.FeatureNotFound, ...) form one chain per exception, so that a
     * catch of either name works; single inheritance leaves no order in which the two files do not depend on each
     * other. The edges from the nested types to their super types in the exceptions package are left out.
     */
    @ArchTest
    static final ArchRule SOURCE_FILES_ARE_FREE_OF_CYCLES = slices().assignedFrom(SOURCE_FILES)
            .should().beFreeOfCycles()
            .ignoreDependency(TargetingContext.class, Configuration.class)
            .ignoreDependency(JavaClass.Predicates.belongToAnyOf(com.kameleoon.KameleoonException.class),
                    JavaClass.Predicates.resideInAPackage("com.kameleoon.exceptions"));
}
