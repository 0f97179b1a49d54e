/**
 * Configuration keys and values as text: which keys {@link com.kameleoon.KameleoonClientConfig} reads and how
 * their spellings map to one canonical name ({@link com.kameleoon.config.ConfigKeys}), and how a value's text
 * becomes a number, flag, URI, path or zone with an error that names the key
 * ({@link com.kameleoon.config.ConfigValueParser}). For integrations that gather settings from their own
 * sources (servlet context parameters, system properties, environment variables) and read keys of their own.
 * Every class here is stateless and thread-safe.
 */
package com.kameleoon.config;
