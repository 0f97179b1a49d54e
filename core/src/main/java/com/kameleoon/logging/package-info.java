/**
 * Logging: {@link com.kameleoon.logging.KameleoonLogger} holds the level and the pluggable
 * {@link com.kameleoon.logging.Logger}; by default lines go to {@link java.lang.System.Logger}.
 */
package com.kameleoon.logging;
