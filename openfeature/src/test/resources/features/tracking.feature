@tracking
Feature: Tracking reaches Kameleoon as conversions and exposures
  OpenFeature's track() is a Kameleoon conversion: the event name is the goal id, the details' value the revenue,
  a "negative" field marks a refund and a "metadata" structure carries custom data. Evaluations that a rule decided
  are reported to Kameleoon as exposures (experiment and variation ids), unless the provider was built not to.

  Background:
    Given a new visitor

  Scenario: an event is a conversion of the goal it names, with the revenue
    Given the Kameleoon provider is ready over "features-flags.json"
    When the event "501" is tracked with the value "49.9"
    Then Kameleoon receives a conversion of goal 501 with revenue "49.9" and negative "false" for the visitor

  Scenario: a negative event is a refund
    Given the Kameleoon provider is ready over "features-flags.json"
    When the event "502" is tracked with the value "5" and "negative" set to true
    Then Kameleoon receives a conversion of goal 502 with revenue "5" and negative "true" for the visitor

  Scenario: an event's metadata is the conversion's custom data
    Given the Kameleoon provider is ready over "features-flags.json"
    When the event "503" is tracked with the metadata "tier" set to "gold"
    Then Kameleoon receives a conversion of goal 503 carrying metadata for the visitor

  Scenario: tracking takes the visitor code from the merged context
    Given the Kameleoon provider is ready over "features-flags.json"
    And the visitor code is the targeting key of the client context
    When the event "504" is tracked
    Then Kameleoon receives a conversion of goal 504 with revenue "0" and negative "false" for the visitor

  Scenario Outline: an event name that is not a goal id fails and tracks nothing: "<name>"
    Given the Kameleoon provider is ready over "features-flags.json"
    When the event "<name>" is tracked
    Then tracking failed
    When the event "505" is tracked
    Then Kameleoon receives only the conversion of goal 505 for the visitor

    Examples:
      | name              |
      |                   |
      | checkout-complete |

  Scenario: tracking without a visitor code fails
    Given the Kameleoon provider is ready over "features-flags.json"
    And no context carries the visitor code
    When the event "506" is tracked
    Then tracking failed

  Scenario Outline: an evaluation a rule decided is an exposure (<type> "<flag>")
    Given the Kameleoon provider is ready over "features-flags.json"
    When the <type> flag "<flag>" is evaluated with the default "<default>"
    Then Kameleoon receives an exposure of experiment <experiment> and variation <variation> for the visitor

    Examples:
      | type    | flag                    | default | experiment | variation |
      | boolean | dark_mode               | false   | 5101       | 6101      |
      | string  | banner_text             | none    | 5102       | 6102      |
      | double  | discount_rate           | 0.0     | 5105       | 6105      |
      | integer | checkout_layout:columns | 0       | 5106       | 6106      |

  Scenario: the flag's default variation is no exposure
    Given the Kameleoon provider is ready over "features-flags.json"
    When the boolean flag "quiet_mode" is evaluated with the default "true"
    And the event "507" is tracked
    Then Kameleoon receives only the conversion of goal 507 for the visitor

  Scenario: a provider built without exposure tracking reports no exposure
    Given the provider does not track exposures
    And the Kameleoon provider is ready over "features-flags.json"
    When the boolean flag "dark_mode" is evaluated with the default "false"
    And the event "508" is tracked
    Then the value is "true"
    And the reason is TARGETING_MATCH
    And Kameleoon receives only the conversion of goal 508 for the visitor
