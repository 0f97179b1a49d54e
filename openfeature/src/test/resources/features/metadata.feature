@metadata
Feature: Flag metadata and provider metadata
  When a rule assigned the variation, the evaluation's flag metadata holds the rule's experiment id and the
  variation's id, as integers "experimentId" and "variationId": the ids Kameleoon's reports use. A variation no rule
  assigned (the flag's default one), a disabled flag and an error have no flag metadata.

  Background:
    Given the Kameleoon provider is ready over "features-flags.json"
    And a new visitor

  Scenario Outline: evaluated as <type>, "<flag>" carries the rule's experiment and variation ids
    When the <type> flag "<flag>" is evaluated with the default "<default>"
    Then the flag metadata holds the integer "experimentId" <experiment>
    And the flag metadata holds the integer "variationId" <variation>

    Examples:
      | type    | flag                  | default | experiment | variation |
      | boolean | dark_mode             | false   | 5101       | 6101      |
      | string  | banner_text           | none    | 5102       | 6102      |
      | integer | max_items             | 0       | 5103       | 6103      |
      | long    | storage_quota         | 0       | 5104       | 6104      |
      | double  | discount_rate         | 0.0     | 5105       | 6105      |
      | object  | checkout_layout       | {}      | 5106       | 6106      |
      | string  | checkout_layout:theme | none    | 5106       | 6106      |

  Scenario: a targeted variation carries the ids of the rule that targeted the visitor
    Given the invocation context sets the custom data "tier" to "gold"
    When the integer flag "vip_pricing:discount" is evaluated with the default "0"
    Then the flag metadata holds the integer "experimentId" 5108
    And the flag metadata holds the integer "variationId" 6108

  Scenario Outline: no flag metadata for <case>
    When the <type> flag "<flag>" is evaluated with the default "<default>"
    Then the flag metadata is empty

    Examples:
      | case                                   | type    | flag          | default |
      | the default variation (boolean)        | boolean | quiet_mode    | true    |
      | the default variation (integer)        | integer | quiet_mode    | 5       |
      | the default variation (double)         | double  | quiet_mode    | 5.0     |
      | a visitor no rule targeted             | integer | vip_pricing   | 5       |
      | a flag disabled in the environment     | string  | legacy_search | none    |
      | an unknown flag                        | boolean | no_such_flag  | false   |

  Scenario: the provider calls itself "Kameleoon"
    Then the provider's name is "Kameleoon"
