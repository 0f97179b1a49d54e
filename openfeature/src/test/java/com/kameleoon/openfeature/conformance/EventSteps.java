package com.kameleoon.openfeature.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.testkit.Endpoint;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.ProviderEvent;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;

/** Event handlers on OpenFeature's client, and changes of the site's Kameleoon backend. */
public class EventSteps {
    /** How long a handler is given to show that it did not run. */
    private static final Duration SETTLE = Duration.ofMillis(300);

    @Given("a handler for {event} events")
    @When("a handler for {event} events is attached")
    public void aHandlerFor(ProviderEvent event) {
        World.current().listen(event);
    }

    @Then("the {event} handler runs")
    public void theHandlerRuns(ProviderEvent event) {
        World world = World.current();
        Waits.until("a " + event + " event", () -> !world.seen(event).isEmpty());
    }

    @Then("the {event} handler has not run")
    public void theHandlerHasNotRun(ProviderEvent event) throws InterruptedException {
        Thread.sleep(SETTLE.toMillis());
        assertThat(World.current().seen(event)).as(event + " events").isEmpty();
    }

    @Then("the changed flags include {string}")
    public void theChangedFlagsInclude(String flagKey) {
        assertThat(World.current().seen(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED))
                .anySatisfy(details -> assertThat(flagsChanged(details)).contains(flagKey));
    }

    @When("Kameleoon publishes {string}")
    public void kameleoonPublishes(String dataFile) {
        World.current().site.publish(dataFile);
    }

    @When("Kameleoon's configuration service is down and a change is announced")
    public void theConfigurationServiceIsDown() {
        KameleoonSite site = World.current().site;
        site.server.downFor(Endpoint.CONFIGURATION, Duration.ofSeconds(30));
        site.pushUpdate();
    }

    @When("Kameleoon's configuration service is back and a change is announced")
    public void theConfigurationServiceIsBack() {
        KameleoonSite site = World.current().site;
        site.server.clearFaults();
        site.pushUpdate();
    }

    private static List<String> flagsChanged(EventDetails details) {
        return details.getFlagsChanged() == null ? List.of() : details.getFlagsChanged();
    }
}
