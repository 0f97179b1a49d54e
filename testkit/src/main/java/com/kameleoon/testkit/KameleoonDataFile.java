package com.kameleoon.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static field, or static method without parameters, of a test class that holds the
 * {@link TestDataFile} every test of the class starts from. {@link KameleoonExtension} serves it (with real-time
 * update on) before each test, so a test that {@linkplain TestSite#update changed the flags} does not affect the
 * next one. Without it, tests start from a datafile without flags.
 *
 * <pre>{@code
 * @KameleoonDataFile
 * static TestDataFile flags() {
 *     return TestDataFile.of(flag("new_checkout").serve("on").rollout(50));
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface KameleoonDataFile {
}
