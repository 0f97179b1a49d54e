/**
 * The exceptions of the SDK. All are unchecked and extend {@link com.kameleoon.exceptions.KameleoonException};
 * feature errors extend {@link com.kameleoon.exceptions.FeatureException}, configuration errors
 * {@link com.kameleoon.exceptions.ConfigException}. Messages never contain secrets.
 */
package com.kameleoon.exceptions;
