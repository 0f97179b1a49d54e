/**
 * The exceptions of the SDK under short, top-level names. All are unchecked and extend
 * {@link com.kameleoon.exceptions.KameleoonException}; feature errors extend
 * {@link com.kameleoon.exceptions.FeatureException}, configuration errors
 * {@link com.kameleoon.exceptions.ConfigException}. Each also extends the same-named nested type of
 * {@link com.kameleoon.KameleoonException} (the official SDK's names), so a {@code catch} of either name works.
 * Messages never contain secrets.
 */
package com.kameleoon.exceptions;
