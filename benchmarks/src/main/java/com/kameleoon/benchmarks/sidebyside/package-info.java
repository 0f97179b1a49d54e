/**
 * This project's side of {@code benchmarks/run-official-comparison.sh}, the side-by-side run with the official
 * Kameleoon Java SDK 4.5.0, whose programs live in the {@code benchmarks-official} module (the two SDKs define
 * classes of the same names and never share a class path). Both sides read the fixtures {@link
 * com.kameleoon.benchmarks.sidebyside.SideBySideFixtures} writes and print tab-separated result lines, which
 * {@link com.kameleoon.benchmarks.sidebyside.SideBySideTable} turns into one Markdown table. Only the public API
 * ({@code com.kameleoon.*} outside {@code internal}) is used.
 */
package com.kameleoon.benchmarks.sidebyside;
