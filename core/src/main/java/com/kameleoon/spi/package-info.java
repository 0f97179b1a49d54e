/**
 * Service-provider interfaces: {@link com.kameleoon.spi.VisitorStore} (where visitors live). The in-memory
 * implementations ship with core, the JDBC ones with {@code kameleoon-persistence}; both pass the same
 * contract tests.
 */
package com.kameleoon.spi;
