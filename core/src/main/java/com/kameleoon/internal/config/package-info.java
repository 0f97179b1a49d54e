/**
 * Machinery behind {@link com.kameleoon.KameleoonClientConfig}: reading configuration files (properties and a
 * small YAML subset), mapping lenient key spellings to settings, parsing values, and normalising domains.
 * Internal: may change at will. Every class here is stateless and thread-safe.
 */
package com.kameleoon.internal.config;
