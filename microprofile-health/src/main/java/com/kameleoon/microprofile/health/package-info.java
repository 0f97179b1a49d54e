/**
 * MicroProfile Health checks of the web application's Kameleoon client, discovered by CDI:
 * {@link com.kameleoon.microprofile.health.KameleoonReadinessCheck} ({@code @Readiness}: up once a datafile is
 * loaded and while the visitor store is reachable) and {@link com.kameleoon.microprofile.health.KameleoonLivenessCheck}
 * ({@code @Liveness}: up while the application runs). Both are named {@code kameleoon} and carry the figures of
 * {@link com.kameleoon.jakarta.KameleoonHealth#data}.
 */
package com.kameleoon.microprofile.health;
