@context
Feature: The merged evaluation context reaches Kameleoon's targeting
  OpenFeature merges the API, transaction, client and invocation contexts, and the contexts before hooks return, in
  that order of increasing precedence. The provider takes the merged targeting key as the visitor code and the
  merged attributes as visitor data, so the targeting outcome shows which entries won: "vip_pricing" serves "vip"
  to visitors whose custom data "tier" is "gold", "mobile_menu" serves "hamburger" to phones.

  Background:
    Given the Kameleoon provider is ready over "features-flags.json"
    And a new visitor

  Scenario Outline: the visitor code as targeting key of the <level> context identifies the visitor
    Given the visitor code is the targeting key of the <level> context
    And the invocation context sets the custom data "tier" to "gold"
    When the integer flag "vip_pricing:discount" is evaluated with the default "-1"
    Then the value is "20"
    And the reason is TARGETING_MATCH
    And Kameleoon receives an exposure of experiment 5108 and variation 6108 for the visitor

    Examples:
      | level       |
      | API         |
      | transaction |
      | client      |
      | invocation  |
      | before-hook |

  Scenario Outline: an attribute set only in the <level> context is targeted
    Given the <level> context sets "device" to "phone"
    When the string flag "mobile_menu" is evaluated with the default "none"
    Then the value is "hamburger"
    And the reason is TARGETING_MATCH

    Examples:
      | level       |
      | API         |
      | transaction |
      | client      |
      | invocation  |
      | before-hook |

  Scenario Outline: the <higher> context overrides the <lower> context
    Given the <lower> context sets "device" to "desktop"
    And the <higher> context sets "device" to "phone"
    When the string flag "mobile_menu" is evaluated with the default "none"
    Then the value is "hamburger"
    And the reason is TARGETING_MATCH

    Examples:
      | lower       | higher      |
      | API         | transaction |
      | API         | client      |
      | API         | invocation  |
      | transaction | client      |
      | transaction | invocation  |
      | client      | invocation  |
      | invocation  | before-hook |

  Scenario: the invocation's custom data overrides the client's
    Given the client context sets the custom data "tier" to "silver"
    And the invocation context sets the custom data "tier" to "gold"
    When the integer flag "vip_pricing:discount" is evaluated with the default "-1"
    Then the value is "20"

  Scenario: the client's custom data does not override the invocation's
    Given the client context sets the custom data "tier" to "gold"
    And the invocation context sets the custom data "tier" to "silver"
    When the integer flag "vip_pricing:discount" is evaluated with the default "-1"
    Then the value is "0"
    And the reason is DEFAULT

  Scenario: every level contributes its own entries
    Given the visitor code is the targeting key of the API context
    And the transaction context sets "device" to "phone"
    And the client context sets the custom data "tier" to "gold"
    And the invocation context sets "browser" to "firefox"
    When the integer flag "vip_pricing:discount" is evaluated with the default "-1"
    Then the value is "20"
    When the string flag "mobile_menu" is evaluated with the default "none"
    Then the value is "hamburger"
    When the string flag "firefox_tip" is evaluated with the default "none"
    Then the value is "shown"

  Scenario: the invocation's targeting key overrides the API's
    Given the API context has the targeting key "someone-else"
    And the visitor code is the targeting key of the invocation context
    When the boolean flag "dark_mode" is evaluated with the default "false"
    Then Kameleoon receives an exposure of experiment 5101 and variation 6101 for the visitor

  Scenario: the client context may name the variable to read
    Given the client context sets "variableKey" to "theme"
    When the string flag "checkout_layout" is evaluated with the default "light"
    Then the value is "dark"
