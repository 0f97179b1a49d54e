/**
 * Machinery behind {@link com.kameleoon.KameleoonClientConfig}: reading configuration files (properties and a
 * small YAML subset) and normalising domains; key spellings and value parsing are public, in
 * {@code com.kameleoon.config}.
 * Internal: may change at will. Every class here is stateless and thread-safe.
 */
package com.kameleoon.internal.config;
