@evaluation
Feature: Typed evaluation of Kameleoon flags through OpenFeature
  OpenFeature's client asks the Kameleoon provider for a value of one of six types. A boolean says whether the
  flag is active for the visitor (its variation is not "off"), a string is the key of the variation served, and
  numbers and objects read the variables of that variation: the one named after a colon in the flag key or by the
  "variableKey" context attribute, else the variation's only variable (numbers) or all of them (objects). The
  variant is always the variation key.

  Background:
    Given the Kameleoon provider is ready over "features-flags.json"
    And a new visitor

  Scenario Outline: evaluated as <type>, "<flag>" gives the value of the variation a rule assigned
    When the <type> flag "<flag>" is evaluated with the default "<default>"
    Then the value is "<value>"
    And the variant is "<variant>"
    And the reason is TARGETING_MATCH
    And there is no error
    And the details name the flag "<flag>"

    Examples:
      | type    | flag            | default | value                                                                             | variant     |
      | boolean | dark_mode       | false   | true                                                                              | on          |
      | string  | banner_text     | none    | spring_sale                                                                       | spring_sale |
      | integer | max_items       | 1       | 25                                                                                | wide        |
      | long    | storage_quota   | 1       | 5000000000                                                                        | large       |
      | double  | discount_rate   | 0.5     | 0.15                                                                              | promo       |
      | object  | checkout_layout | {}      | {columns: 3, express: true, options: {labels: [cart, pay], steps: 2}, theme: dark} | compact     |

  Scenario Outline: a variable named after a colon is read as <type>
    When the <type> flag "checkout_layout:<variable>" is evaluated with the default "<default>"
    Then the value is "<value>"
    And the variant is "compact"
    And the reason is TARGETING_MATCH
    And the details name the flag "checkout_layout:<variable>"

    Examples:
      | type    | variable | default  | value                           |
      | integer | columns  | 0        | 3                               |
      | long    | columns  | 0        | 3                               |
      | double  | columns  | 0.0      | 3.0                             |
      | string  | theme    | none     | dark                            |
      | boolean | express  | false    | true                            |
      | object  | options  | {}       | {labels: [cart, pay], steps: 2} |

  Scenario Outline: the "variableKey" context attribute names the variable read as <type>
    Given the invocation context sets "variableKey" to "<variable>"
    When the <type> flag "checkout_layout" is evaluated with the default "<default>"
    Then the value is "<value>"
    And the reason is TARGETING_MATCH

    Examples:
      | type    | variable | default | value |
      | integer | columns  | 0       | 3     |
      | string  | theme    | light   | dark  |
      | boolean | express  | false   | true  |

  Scenario Outline: the flag's default variation is served with reason DEFAULT, its values zero-like
    When the <type> flag "quiet_mode" is evaluated with the default "<default>"
    Then the value is "<value>"
    And the variant is "off"
    And the reason is DEFAULT
    And there is no error

    Examples:
      | type    | default   | value     |
      | boolean | true      | false     |
      | string  | loud      | off       |
      | integer | 7         | 0         |
      | long    | 7         | 0         |
      | double  | 7.5       | 0.0       |
      | object  | {level: 9} | {level: 0} |

  Scenario: targeting on the visitor's custom data gives the rule's variation
    Given the invocation context sets the custom data "tier" to "gold"
    When the integer flag "vip_pricing" is evaluated with the default "-1"
    Then the value is "20"
    And the variant is "vip"
    And the reason is TARGETING_MATCH

  Scenario: a visitor the rule does not target gets the default variation
    Given the invocation context sets the custom data "tier" to "silver"
    When the integer flag "vip_pricing" is evaluated with the default "-1"
    Then the value is "0"
    And the variant is "off"
    And the reason is DEFAULT

  Scenario Outline: targeting on the visitor's device: <device>
    Given the invocation context sets "device" to "<device>"
    When the string flag "mobile_menu" is evaluated with the default "none"
    Then the value is "<variation>"
    And the reason is <reason>

    Examples:
      | device  | variation | reason          |
      | phone   | hamburger | TARGETING_MATCH |
      | tablet  | off       | DEFAULT         |
      | desktop | off       | DEFAULT         |

  Scenario Outline: targeting on the visitor's browser: <browser>
    Given the invocation context sets "browser" to "<browser>"
    When the boolean flag "firefox_tip" is evaluated with the default "false"
    Then the value is "<active>"
    And the variant is "<variation>"

    Examples:
      | browser | active | variation |
      | firefox | true   | shown     |
      | chrome  | false  | off       |

  Scenario: context attributes Kameleoon has no use for are ignored
    Given the invocation context sets "email" to "visitor@example.com"
    And the invocation context sets "plan" to "enterprise"
    When the boolean flag "dark_mode" is evaluated with the default "false"
    Then the value is "true"
    And the reason is TARGETING_MATCH
    And there is no error

  Scenario: a custom data attribute set to null is ignored
    Given the invocation context sets "customData" to null
    When the integer flag "vip_pricing" is evaluated with the default "-1"
    Then the value is "0"
    And the reason is DEFAULT
    And there is no error

  Scenario Outline: a flag off in the environment is DISABLED with the caller's <type> default
    When the <type> flag "legacy_search" is evaluated with the default "<default>"
    Then the value is "<default>"
    And the reason is DISABLED
    And there is no error
    And there is no variant

    Examples:
      | type    | default  |
      | boolean | true     |
      | string  | fallback |

  Scenario: a variable the served variation lacks gives the caller's default with reason DEFAULT
    When the string flag "sparse_offer:coupon" is evaluated with the default "NO-COUPON"
    Then the value is "NO-COUPON"
    And the variant is "off"
    And the reason is DEFAULT
    And there is no error

  Scenario: the same visitor keeps the variation of an experiment
    When the string flag "banner_text" is evaluated with the default "none"
    And the string flag "banner_text" is evaluated with the default "none"
    Then the value is "spring_sale"
    And the reason is TARGETING_MATCH
