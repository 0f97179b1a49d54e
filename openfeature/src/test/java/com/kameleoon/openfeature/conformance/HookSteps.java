package com.kameleoon.openfeature.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.Map;

/** Recording hooks at the API, client and invocation levels, and what they were given. */
public class HookSteps {

    @Given("a recording hook {string} on the {word}")
    public void aRecordingHookOn(String name, String level) {
        World world = World.current();
        RecordingHook hook = new RecordingHook(name, world.hookLog, null, false);
        world.hooks.put(name, hook);
        switch (level) {
            case "API" -> world.api.addHooks(hook);
            case "client" -> world.features.addHooks(hook);
            case "invocation" -> world.invocationHooks.add(hook);
            default -> throw new IllegalArgumentException("hooks are on the API, the client or the invocation, not "
                    + level);
        }
    }

    @Given("a before hook on the invocation that fails")
    public void aFailingBeforeHook() {
        World world = World.current();
        world.invocationHooks.add(new RecordingHook("failing", world.hookLog, null, true));
    }

    @Then("the hook stages ran in this order:")
    public void theHookStagesRanInOrder(DataTable stages) {
        World world = World.current();
        assertThat(world.hookLog.stream().filter(line -> world.hooks.containsKey(line.split(" ")[0])))
                .containsExactlyElementsOf(stages.asList());
    }

    @Then("the after and finally stages of {string} were given:")
    public void theAfterAndFinallyStagesWereGiven(String name, DataTable expected) {
        assertGiven(name, "after", expected.asMap());
        assertGiven(name, "finally", expected.asMap());
    }

    @Then("the finally stage of {string} was given:")
    public void theFinallyStageWasGiven(String name, DataTable expected) {
        assertGiven(name, "finally", expected.asMap());
    }

    @Then("the error stage of {string} was given the error {word}")
    public void theErrorStageWasGiven(String name, String errorCode) {
        Exception error = hook(name).error();
        assertThat(error).isInstanceOf(OpenFeatureError.class);
        assertThat(((OpenFeatureError) error).getErrorCode()).isEqualTo(ErrorCode.valueOf(errorCode));
    }

    @Then("the before stage of {string} saw the provider {string}")
    public void theBeforeStageSawTheProvider(String name, String provider) {
        assertThat(hook(name).providerName()).isEqualTo(provider);
    }

    private static RecordingHook hook(String name) {
        RecordingHook hook = World.current().hooks.get(name);
        assertThat(hook).as("hook %s", name).isNotNull();
        return hook;
    }

    private static void assertGiven(String name, String stage, Map<String, String> expected) {
        FlagEvaluationDetails<Object> details = hook(name).details(stage);
        assertThat(details).as("details given to the %s stage of %s", stage, name).isNotNull();
        FlagType type = World.current().lastType;
        expected.forEach((field, value) -> {
            String described = field + " given to the " + stage + " stage of " + name + ": " + details;
            switch (field) {
                case "flag key" -> assertThat(details.getFlagKey()).as(described).isEqualTo(value);
                case "value" -> assertThat(type.render(details.getValue())).as(described)
                        .isEqualTo(type.render(type.parse(value)));
                case "variant" -> assertThat(details.getVariant()).as(described).isEqualTo(orNull(value));
                case "reason" -> assertThat(details.getReason()).as(described).isEqualTo(value);
                case "error code" -> assertThat(details.getErrorCode()).as(described)
                        .isEqualTo(orNull(value) == null ? null : ErrorCode.valueOf(value));
                case "experimentId" -> assertThat(details.getFlagMetadata().getInteger("experimentId"))
                        .as(described).isEqualTo(Integer.valueOf(value));
                default -> throw new IllegalArgumentException("no evaluation detail named " + field);
            }
        });
    }

    private static String orNull(String value) {
        return "none".equals(value) ? null : value;
    }
}
