package com.kameleoon.openfeature.conformance;

import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Value;
import io.cucumber.java.en.Given;
import java.util.Map;

/** Context entries at each level of OpenFeature's merge. */
public class ContextSteps {

    @Given("the {level} context sets {string} to {string}")
    public void theContextSets(ContextLevel level, String key, String value) {
        World.current().set(level, key, new Value(value));
    }

    @Given("the {level} context sets {string} to null")
    public void theContextSetsNull(ContextLevel level, String key) {
        World.current().set(level, key, new Value());
    }

    @Given("the {level} context sets the custom data {string} to {string}")
    public void theContextSetsCustomData(ContextLevel level, String name, String value) {
        World.current().set(level, "customData", new Value(new ImmutableStructure(Map.of(name, new Value(value)))));
    }

    @Given("the visitor code is the targeting key of the {level} context")
    public void theVisitorCodeIsTheTargetingKeyOf(ContextLevel level) {
        World world = World.current();
        world.moveTargetingKey(level, world.visitorCode);
    }

    @Given("the {level} context has the targeting key {string}")
    public void theContextHasTheTargetingKey(ContextLevel level, String key) {
        World.current().setTargetingKey(level, key);
    }

    @Given("no context carries the visitor code")
    public void noContextCarriesTheVisitorCode() {
        World.current().moveTargetingKey(null, null);
    }
}
