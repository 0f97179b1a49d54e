/**
 * The Kameleoon admin console, a web fragment that the Jakarta integration's applications enable with
 * {@code console_enabled}: {@link com.kameleoon.console.KameleoonConsoleListener} registers a servlet for one
 * container role, whose server-rendered pages show the client's status, the datafile in force, a visitor as the
 * store holds it and the tracking outbox, and let an operator force a variation for a visitor and retry parked
 * tracking lines (POST forms with a CSRF token). Everything else in the package is package-private.
 */
package com.kameleoon.console;
