/**
 * JMH benchmarks of the SDK core, packed into the shaded {@code benchmarks/target/benchmarks.jar}
 * (main class {@code org.openjdk.jmh.Main}); {@code benchmarks/run-evaluation.sh} builds and runs them and
 * {@code BENCHMARKS.md} at the repository root holds the figures.
 *
 * <ul>
 *   <li>{@link com.kameleoon.benchmarks.EvaluationBenchmark}: {@code getVariation} / {@code getVariations}
 *       for warm and new visitors on the conformance example datafile (the targets);</li>
 *   <li>{@link com.kameleoon.benchmarks.DataFileBenchmark}: parse and compile of a 200-flag datafile made by
 *       {@link com.kameleoon.benchmarks.DatafileGenerator};</li>
 *   <li>{@link com.kameleoon.benchmarks.BucketHashBenchmark}: diagnostic, the bucket hash alone;</li>
 *   <li>{@link com.kameleoon.benchmarks.OpenFeatureBenchmark}: OpenFeature's {@code getBooleanValue} through
 *       {@code kameleoon-openfeature}'s provider against {@code isFeatureActive} on the same client (run by
 *       {@code benchmarks/run-openfeature.sh}, table by {@link com.kameleoon.benchmarks.OpenFeatureTable}).</li>
 *   <li>{@link com.kameleoon.benchmarks.MetricsOverheadBenchmark}: a warm {@code getVariation} with metrics off
 *       against the same with {@code kameleoon-micrometer}'s binder bound (run by
 *       {@code benchmarks/run-metrics.sh}).</li>
 * </ul>
 *
 * <p>Nothing here is used by the SDK at run time.
 */
package com.kameleoon.benchmarks;
