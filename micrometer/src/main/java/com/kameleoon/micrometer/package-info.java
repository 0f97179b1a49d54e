/**
 * Micrometer meters over a Kameleoon client: {@link com.kameleoon.micrometer.KameleoonMetrics}.
 */
package com.kameleoon.micrometer;
