/**
 * Heap footprint of in-memory visitors ({@link com.kameleoon.benchmarks.memory.VisitorMemory}, run by
 * {@code benchmarks/run-memory.sh}): plain programs, not JMH benchmarks.
 */
package com.kameleoon.benchmarks.memory;
