@errors
Feature: Errors give the caller's default value, reason ERROR and an error code
  OpenFeature's client never throws: when the provider cannot answer, the evaluation gives the caller's default
  value with reason ERROR, an error code saying why, and a message.

  Background:
    Given the Kameleoon provider is ready over "features-flags.json"
    And a new visitor

  Scenario Outline: a flag the datafile does not have is FLAG_NOT_FOUND (<type>)
    When the <type> flag "no_such_flag" is evaluated with the default "<default>"
    Then the value is "<default>"
    And the reason is ERROR
    And the error code is FLAG_NOT_FOUND
    And the error message mentions "no_such_flag"
    And there is no variant

    Examples:
      | type    | default         |
      | boolean | true            |
      | string  | bye             |
      | integer | 13              |
      | long    | 13              |
      | double  | 1.5             |
      | object  | {fallback: yes} |

  Scenario: a variable no variation of the flag has is FLAG_NOT_FOUND
    When the integer flag "checkout_layout:rows" is evaluated with the default "4"
    Then the value is "4"
    And the reason is ERROR
    And the error code is FLAG_NOT_FOUND
    And the error message mentions "rows"

  Scenario Outline: a value of another type is TYPE_MISMATCH: <case>
    When the <type> flag "<flag>" is evaluated with the default "<default>"
    Then the value is "<default>"
    And the reason is ERROR
    And the error code is TYPE_MISMATCH

    Examples:
      | case                                   | type    | flag                    | default |
      | a string variable read as an integer   | integer | checkout_layout:theme   | 9       |
      | a string variable read as a long       | long    | checkout_layout:theme   | 9       |
      | a fraction read as an integer          | integer | discount_rate           | 9       |
      | a number read as a boolean             | boolean | checkout_layout:columns | false   |
      | a boolean variable read as a string    | string  | checkout_layout:express | nope    |
      | a string variable read as a double     | double  | checkout_layout:theme   | 2.5     |
      | a flag without variables as a number   | double  | dark_mode               | 2.5     |

  Scenario Outline: without a targeting key the evaluation is TARGETING_KEY_MISSING (<type>)
    Given no context carries the visitor code
    When the <type> flag "dark_mode" is evaluated with the default "<default>"
    Then the value is "<default>"
    And the reason is ERROR
    And the error code is TARGETING_KEY_MISSING

    Examples:
      | type    | default |
      | boolean | false   |
      | string  | none    |
      | object  | {}      |

  Scenario Outline: a context attribute Kameleoon cannot take is INVALID_CONTEXT: <attribute>
    Given the invocation context sets "<attribute>" to "<value>"
    When the boolean flag "dark_mode" is evaluated with the default "false"
    Then the value is "false"
    And the reason is ERROR
    And the error code is INVALID_CONTEXT
    And the error message mentions "<attribute>"

    Examples:
      | attribute       | value   |
      | device          | toaster |
      | browser         | lynx    |
      | operatingSystem | beos    |
      | customData      | gold    |

  Scenario Outline: a visitor code Kameleoon cannot take is INVALID_CONTEXT, <case>
    Given a visitor whose code is 256 characters long
    And the invocation context sets "<attribute>" to "<value>"
    When the boolean flag "dark_mode" is evaluated with the default "false"
    Then the value is "false"
    And the reason is ERROR
    And the error code is INVALID_CONTEXT
    And the error message mentions "255"

    Examples:
      | case                      | attribute | value |
      | with no visitor data      | plan      | gold  |
      | with visitor data to add  | device    | phone |

  Scenario: several variables and none named is a GENERAL error that says how to name one
    When the integer flag "checkout_layout" is evaluated with the default "5"
    Then the value is "5"
    And the reason is ERROR
    And the error code is GENERAL
    And the error message mentions "variableKey"

  Scenario Outline: before its client has a datafile, the provider is NOT_READY and evaluating as <type> gives PROVIDER_NOT_READY
    Given a Kameleoon site of its own whose backend has no datafile
    And the provider waits at most 1500 ms for the first datafile
    When the Kameleoon provider over that site is registered without waiting
    And the <type> flag "dark_mode" is evaluated with the default "<default>"
    Then the provider status is NOT_READY
    And the value is "<default>"
    And the reason is ERROR
    And the error code is PROVIDER_NOT_READY

    Examples:
      | type    | default |
      | boolean | true    |
      | double  | 0.5     |

  Scenario Outline: when no datafile came in time, the provider is in ERROR and evaluating as <type> gives PROVIDER_NOT_READY
    Given a Kameleoon site of its own whose backend has no datafile
    And the provider waits at most 300 ms for the first datafile
    When the Kameleoon provider over that site is registered and awaited
    And the <type> flag "dark_mode" is evaluated with the default "<default>"
    Then the provider status is ERROR
    And the value is "<default>"
    And the reason is ERROR
    And the error code is PROVIDER_NOT_READY

    Examples:
      | type    | default |
      | string  | none    |
      | integer | 3       |
      | object  | {}      |
