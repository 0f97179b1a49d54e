package com.kameleoon.openfeature.conformance;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The OpenFeature conformance scenarios of the Kameleoon provider: every {@code .feature} file under
 * {@code src/test/resources/features}, run by Cucumber on the JUnit Platform (so Surefire runs them with the other
 * tests; each scenario is one test). What they cover: {@code features/README.md}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "com.kameleoon.openfeature.conformance")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "summary")
class OpenFeatureConformanceTest {
}
