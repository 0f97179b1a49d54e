@hooks
Feature: Hooks see what the Kameleoon provider decided
  Hooks run around each evaluation: before stages in API, client, invocation order, then after (or error) and
  finally stages in the reverse order. After and finally stages are given the evaluation details the provider
  produced; a context a before stage returns is merged into the evaluation context the provider receives.

  Background:
    Given the Kameleoon provider is ready over "features-flags.json"
    And a new visitor

  Scenario: a successful evaluation runs before, after and finally, with the provider's details
    Given a recording hook "audit" on the client
    When the boolean flag "dark_mode" is evaluated with the default "false"
    Then the hook stages ran in this order:
      | audit before  |
      | audit after   |
      | audit finally |
    And the after and finally stages of "audit" were given:
      | flag key     | dark_mode       |
      | value        | true            |
      | variant      | on              |
      | reason       | TARGETING_MATCH |
      | error code   | none            |
      | experimentId | 5101            |
    And the before stage of "audit" saw the provider "Kameleoon"

  Scenario: an unknown flag runs before, error and finally, with the default and FLAG_NOT_FOUND
    Given a recording hook "audit" on the client
    When the string flag "no_such_flag" is evaluated with the default "uh-oh"
    Then the hook stages ran in this order:
      | audit before  |
      | audit error   |
      | audit finally |
    And the error stage of "audit" was given the error FLAG_NOT_FOUND
    And the finally stage of "audit" was given:
      | flag key   | no_such_flag   |
      | value      | uh-oh          |
      | variant    | none           |
      | reason     | ERROR          |
      | error code | FLAG_NOT_FOUND |

  Scenario: a type mismatch runs before, error and finally, with the default and TYPE_MISMATCH
    Given a recording hook "audit" on the client
    When the integer flag "checkout_layout:theme" is evaluated with the default "13"
    Then the hook stages ran in this order:
      | audit before  |
      | audit error   |
      | audit finally |
    And the error stage of "audit" was given the error TYPE_MISMATCH
    And the finally stage of "audit" was given:
      | value      | 13            |
      | reason     | ERROR         |
      | error code | TYPE_MISMATCH |

  Scenario: a disabled flag is no error: before, after and finally, with reason DISABLED
    Given a recording hook "audit" on the client
    When the boolean flag "legacy_search" is evaluated with the default "true"
    Then the hook stages ran in this order:
      | audit before  |
      | audit after   |
      | audit finally |
    And the after and finally stages of "audit" were given:
      | value      | true     |
      | reason     | DISABLED |
      | error code | none     |

  Scenario: hooks of every level run in the specified order
    Given a recording hook "global" on the API
    And a recording hook "shared" on the client
    And a recording hook "local" on the invocation
    When the string flag "banner_text" is evaluated with the default "none"
    Then the hook stages ran in this order:
      | global before  |
      | shared before  |
      | local before   |
      | local after    |
      | shared after   |
      | global after   |
      | local finally  |
      | shared finally |
      | global finally |

  Scenario: the context a before hook returns is what the provider targets
    Given a recording hook "audit" on the client
    And the before-hook context sets the custom data "tier" to "gold"
    When the integer flag "vip_pricing:discount" is evaluated with the default "-1"
    Then the value is "20"
    And the reason is TARGETING_MATCH
    And the after and finally stages of "audit" were given:
      | value   | 20  |
      | variant | vip |

  Scenario: a failing before hook keeps the provider out: default value, error and finally stages
    Given a recording hook "audit" on the client
    And a before hook on the invocation that fails
    When the boolean flag "dark_mode" is evaluated with the default "false"
    Then the value is "false"
    And the reason is ERROR
    And the error code is GENERAL
    And the hook stages ran in this order:
      | audit before  |
      | audit error   |
      | audit finally |
    When the event "509" is tracked
    Then Kameleoon receives only the conversion of goal 509 for the visitor
