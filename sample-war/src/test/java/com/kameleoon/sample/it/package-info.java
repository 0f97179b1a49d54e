/**
 * The sample shop end to end on real containers: a headless Chromium buying on Tomcat 11 ({@code BrowserIT}) and
 * the same WAR on WildFly ({@code WildFlySampleIT}). The expected variation of a visitor comes from a table the
 * official Kameleoon JavaScript SDK computed on the sample's own datafile
 * ({@link com.kameleoon.sample.it.VariationOracle}), never from the page nor from this project's SDK.
 * Run by failsafe: {@code mvn -pl sample-war verify}.
 */
package com.kameleoon.sample.it;
