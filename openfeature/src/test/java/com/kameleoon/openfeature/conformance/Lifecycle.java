package com.kameleoon.openfeature.conformance;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;

/** A {@link World} for each scenario, closed after it; the shared Kameleoon sites closed after the run. */
public class Lifecycle {

    @Before(order = 0)
    public void beginScenario() {
        World.begin();
    }

    @After(order = 0)
    public void endScenario() {
        World.current().close();
    }

    @AfterAll
    public static void closeSharedSites() {
        World.closeSharedSites();
    }
}
