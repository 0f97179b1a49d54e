/**
 * Programs written only from the official Kameleoon Java SDK's documentation (its getting started and each
 * reference section), in its style: checked-exception-style {@code catch} clauses of the nested
 * {@code KameleoonException} types, {@code new KameleoonClientConfig.Builder()}, {@code Browser.Type.CHROME},
 * servlet overloads. They import nothing but the official SDK's packages, so they compile against that SDK's
 * documented API; here they compile and run against kameleoon-ee and assert the documented results, with the
 * testkit's fake backend standing in for Kameleoon's servers.
 */
package com.kameleoon.compat;
