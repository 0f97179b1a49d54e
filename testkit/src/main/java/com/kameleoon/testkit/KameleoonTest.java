package com.kameleoon.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against a fake Kameleoon: shorthand for
 * {@code @ExtendWith(KameleoonExtension.class)} that also names the site code. See {@link KameleoonExtension} for
 * what is started and what can be injected.
 *
 * <pre>{@code
 * @KameleoonTest(siteCode = "shop")
 * class CheckoutTest {
 *     @KameleoonDataFile
 *     static final TestDataFile FLAGS = TestDataFile.of(flag("new_checkout").serve("on"));
 *
 *     @Test
 *     void newCheckoutForEveryone(KameleoonClient client, KameleoonTracking tracking) {
 *         assertEquals("on", client.getVariation("v1", "new_checkout").getKey());
 *         KameleoonAssertions.assertThat(tracking).exposed("v1", "new_checkout", "on");
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(KameleoonExtension.class)
public @interface KameleoonTest {
    /** The default site code, when none is given. */
    String DEFAULT_SITE_CODE = "test-site";

    /** @return the site code the server serves and the client uses */
    String siteCode() default DEFAULT_SITE_CODE;
}
