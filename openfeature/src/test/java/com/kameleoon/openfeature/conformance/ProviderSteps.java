package com.kameleoon.openfeature.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ProviderState;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.time.Duration;

/** Setting up sites and providers, and what OpenFeature says of the provider. */
public class ProviderSteps {

    @Given("a new visitor")
    public void aNewVisitor() {
        World.current().newVisitor();
    }

    @Given("a visitor whose code is {int} characters long")
    public void aVisitorWhoseCodeIsLong(int length) {
        World.current().newVisitor(length);
    }

    @Given("the Kameleoon provider is ready over {string}")
    public void theProviderIsReadyOver(String dataFile) {
        World world = World.current();
        world.useSharedSite(dataFile);
        world.register(true);
        assertThat(world.failure).as("registration failure").isNull();
        assertThat(world.features.getProviderState()).isEqualTo(ProviderState.READY);
    }

    @Given("the provider does not track exposures")
    public void theProviderDoesNotTrackExposures() {
        World.current().options.trackExposure(false);
    }

    @Given("the provider waits at most {int} ms for the first datafile")
    public void theProviderWaitsAtMost(int millis) {
        World.current().options.initializationTimeout(Duration.ofMillis(millis));
    }

    @Given("a Kameleoon site of its own serving {string}")
    public void aSiteOfItsOwnServing(String dataFile) {
        World.current().useOwnSite(dataFile);
    }

    @Given("a Kameleoon site of its own whose backend has no datafile")
    public void aSiteOfItsOwnWithoutDataFile() {
        World.current().useOwnSite(null);
    }

    @Given("the Kameleoon provider over that site is registered and awaited")
    public void theProviderIsRegisteredAndAwaited() {
        World.current().register(true);
    }

    @Given("the Kameleoon provider over that site is registered without waiting")
    public void theProviderIsRegisteredWithoutWaiting() {
        World.current().register(false);
    }

    @Then("the provider status is {word}")
    public void theProviderStatusIs(String status) {
        assertThat(World.current().features.getProviderState()).isEqualTo(ProviderState.valueOf(status));
    }

    @Then("the provider's name is {string}")
    public void theProvidersNameIs(String name) {
        assertThat(World.current().api.getProviderMetadata().getName()).isEqualTo(name);
    }
}
