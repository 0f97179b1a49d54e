package com.kameleoon.openfeature.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Evaluations through OpenFeature's client, and what their details say. */
public class EvaluationSteps {

    @When("the {type} flag {string} is evaluated with the default {string}")
    public void theFlagIsEvaluated(FlagType type, String flagKey, String defaultValue) {
        World.current().evaluate(type, flagKey, defaultValue);
    }

    @Then("the {type} flag {string} evaluates to {string}")
    public void theFlagEvaluatesTo(FlagType type, String flagKey, String value) {
        String defaultValue = type == FlagType.BOOLEAN ? String.valueOf(!Boolean.parseBoolean(value))
                : type == FlagType.STRING ? "<the default>" : type == FlagType.OBJECT ? "{}" : "0";
        FlagEvaluationDetails<?> details = World.current().evaluate(type, flagKey, defaultValue);
        assertThat(details.getErrorCode()).as("error code of %s", details).isNull();
        assertThat(type.render(details.getValue())).as("value of %s", details)
                .isEqualTo(type.render(type.parse(value)));
    }

    @Then("the value is {string}")
    public void theValueIs(String value) {
        World world = World.current();
        assertThat(world.lastType.render(last().getValue())).as("value of %s", last())
                .isEqualTo(world.lastType.render(world.lastType.parse(value)));
    }

    @Then("the variant is {string}")
    public void theVariantIs(String variant) {
        assertThat(last().getVariant()).as("variant of %s", last()).isEqualTo(variant);
    }

    @Then("there is no variant")
    public void thereIsNoVariant() {
        assertThat(last().getVariant()).as("variant of %s", last()).isNull();
    }

    @Then("the reason is {word}")
    public void theReasonIs(String reason) {
        assertThat(last().getReason()).as("reason of %s", last()).isEqualTo(reason);
    }

    @Then("there is no error")
    public void thereIsNoError() {
        assertThat(last().getErrorCode()).as("error code of %s", last()).isNull();
        assertThat(last().getErrorMessage()).as("error message of %s", last()).isNull();
    }

    @Then("the error code is {word}")
    public void theErrorCodeIs(String errorCode) {
        assertThat(last().getErrorCode()).as("error code of %s", last()).isEqualTo(ErrorCode.valueOf(errorCode));
    }

    @Then("the error message mentions {string}")
    public void theErrorMessageMentions(String text) {
        assertThat(last().getErrorMessage()).as("error message of %s", last()).contains(text);
    }

    @Then("the details name the flag {string}")
    public void theDetailsNameTheFlag(String flagKey) {
        assertThat(last().getFlagKey()).isEqualTo(flagKey);
    }

    @Then("the flag metadata holds the integer {string} {int}")
    public void theFlagMetadataHolds(String key, int value) {
        assertThat(last().getFlagMetadata().getInteger(key)).as("%s in the flag metadata of %s", key, last())
                .isEqualTo(value);
    }

    @Then("the flag metadata is empty")
    public void theFlagMetadataIsEmpty() {
        assertThat(last().getFlagMetadata().isEmpty()).as("flag metadata of %s is empty", last()).isTrue();
    }

    private static FlagEvaluationDetails<?> last() {
        FlagEvaluationDetails<?> last = World.current().last;
        assertThat(last).as("an evaluation happened").isNotNull();
        return last;
    }
}
