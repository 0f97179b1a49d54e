package com.kameleoon.openfeature.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.MutableTrackingEventDetails;
import dev.openfeature.sdk.Value;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** OpenFeature's track(), and the tracking lines the fake Kameleoon backend received for the visitor. */
public class TrackingSteps {

    @When("the event {string} is tracked")
    public void theEventIsTracked(String name) {
        World.current().track(name, new MutableTrackingEventDetails());
    }

    @When("the event {string} is tracked with the value {string}")
    public void theEventIsTrackedWithValue(String name, String value) {
        World.current().track(name, new MutableTrackingEventDetails(number(value)));
    }

    @When("the event {string} is tracked with the value {string} and {string} set to true")
    public void theEventIsTrackedWithValueAndFlag(String name, String value, String field) {
        World.current().track(name, new MutableTrackingEventDetails(number(value)).add(field, true));
    }

    @When("the event {string} is tracked with the metadata {string} set to {string}")
    public void theEventIsTrackedWithMetadata(String name, String key, String value) {
        World.current().track(name, new MutableTrackingEventDetails().add("metadata",
                new ImmutableStructure(Map.of(key, new Value(value)))));
    }

    @Then("tracking failed")
    public void trackingFailed() {
        assertThat(World.current().failure).as("the failure of the last track call").isNotNull();
    }

    @Then("Kameleoon receives a conversion of goal {int} with revenue {string} and negative {string} for the visitor")
    public void kameleoonReceivesAConversion(int goal, String revenue, String negative) {
        String line = "eventType=conversion&goalId=" + goal + "&revenue=" + revenue + "&negative=" + negative + "&";
        awaitLines("a line starting " + line, lines -> lines.stream().anyMatch(l -> l.startsWith(line)));
    }

    @Then("Kameleoon receives a conversion of goal {int} carrying metadata for the visitor")
    public void kameleoonReceivesAConversionWithMetadata(int goal) {
        String line = "eventType=conversion&goalId=" + goal + "&";
        awaitLines("a conversion of goal " + goal + " with metadata",
                lines -> lines.stream().anyMatch(l -> l.startsWith(line) && l.contains("metadata=")));
    }

    @Then("Kameleoon receives only the conversion of goal {int} for the visitor")
    public void kameleoonReceivesOnlyTheConversion(int goal) {
        String line = "eventType=conversion&goalId=" + goal + "&";
        List<String> lines = awaitLines("a conversion of goal " + goal,
                received -> received.stream().anyMatch(l -> l.startsWith(line)));
        assertThat(lines).as("the visitor's conversions").filteredOn(l -> l.startsWith("eventType=conversion&"))
                .hasSize(1);
        assertThat(lines).as("the visitor's exposures").noneMatch(l -> l.startsWith("eventType=experiment&"));
    }

    @Then("Kameleoon receives an exposure of experiment {int} and variation {int} for the visitor")
    public void kameleoonReceivesAnExposure(int experiment, int variation) {
        String line = "eventType=experiment&id=" + experiment + "&variationId=" + variation + "&";
        awaitLines("a line starting " + line, lines -> lines.stream().anyMatch(l -> l.startsWith(line)));
    }

    private static List<String> awaitLines(String what, Predicate<List<String>> done) {
        World world = World.current();
        return world.site.awaitLinesOf(world.visitorCode, what, done);
    }

    private static Number number(String text) {
        return text.contains(".") ? Double.valueOf(text) : Integer.valueOf(text);
    }
}
