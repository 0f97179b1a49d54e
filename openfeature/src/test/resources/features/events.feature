@events
Feature: Provider events follow the Kameleoon configuration
  The provider is READY once its client has a datafile (initialization waits for it, within a bounded time), and
  in ERROR when none came in time. Each datafile update Kameleoon announces is CONFIGURATION_CHANGED; a refresh that
  fails while a datafile is in force makes the provider STALE (it goes on evaluating with that datafile) until a
  refresh succeeds, which makes it READY again. Each scenario has a Kameleoon backend of its own.

  Scenario: READY when the first datafile is in force
    Given a Kameleoon site of its own serving "events-flags.json"
    And a new visitor
    And a handler for PROVIDER_READY events
    When the Kameleoon provider over that site is registered and awaited
    Then the PROVIDER_READY handler runs
    And the provider status is READY
    And the string flag "welcome_banner" evaluates to "classic"

  Scenario: a READY handler attached to a ready provider runs at once
    Given a Kameleoon site of its own serving "events-flags.json"
    And the Kameleoon provider over that site is registered and awaited
    When a handler for PROVIDER_READY events is attached
    Then the PROVIDER_READY handler runs

  Scenario: ERROR when no datafile comes in time
    Given a Kameleoon site of its own whose backend has no datafile
    And the provider waits at most 300 ms for the first datafile
    And a handler for PROVIDER_ERROR events
    When the Kameleoon provider over that site is registered and awaited
    Then the PROVIDER_ERROR handler runs
    And the provider status is ERROR

  Scenario: a datafile update is CONFIGURATION_CHANGED, naming the flags, and evaluations follow it
    Given a Kameleoon site of its own serving "events-flags.json"
    And a new visitor
    And the Kameleoon provider over that site is registered and awaited
    And a handler for PROVIDER_CONFIGURATION_CHANGED events
    When Kameleoon publishes "events-flags-updated.json"
    Then the PROVIDER_CONFIGURATION_CHANGED handler runs
    And the changed flags include "welcome_banner"
    And the changed flags include "holiday_theme"
    And the provider status is READY
    And the string flag "welcome_banner" evaluates to "festive"
    And the boolean flag "holiday_theme" evaluates to "true"

  Scenario: a flag an update removes is among the changed flags, and is no longer found
    Given a Kameleoon site of its own serving "events-flags-updated.json"
    And a new visitor
    And the Kameleoon provider over that site is registered and awaited
    And a handler for PROVIDER_CONFIGURATION_CHANGED events
    When Kameleoon publishes "events-flags.json"
    Then the PROVIDER_CONFIGURATION_CHANGED handler runs
    And the changed flags include "holiday_theme"
    When the boolean flag "holiday_theme" is evaluated with the default "false"
    Then the error code is FLAG_NOT_FOUND

  Scenario: a failed refresh makes the provider STALE on the last datafile; the next good refresh makes it READY
    Given a Kameleoon site of its own serving "events-flags.json"
    And a new visitor
    And the Kameleoon provider over that site is registered and awaited
    And a handler for PROVIDER_STALE events
    When Kameleoon's configuration service is down and a change is announced
    Then the PROVIDER_STALE handler runs
    And the provider status is STALE
    And the string flag "welcome_banner" evaluates to "classic"
    When a handler for PROVIDER_READY events is attached
    Then the PROVIDER_READY handler has not run
    When Kameleoon's configuration service is back and a change is announced
    Then the PROVIDER_READY handler runs
    And the provider status is READY
    And the string flag "welcome_banner" evaluates to "classic"
