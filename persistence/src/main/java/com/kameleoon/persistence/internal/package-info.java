/**
 * Machinery of {@code kameleoon-persistence}, public for the other Kameleoon modules but not part of the
 * supported API: {@link com.kameleoon.persistence.internal.SqlDialect} (vendor SQL differences and the
 * database clock), {@link com.kameleoon.persistence.internal.SchemaLimits} (column caps),
 * {@link com.kameleoon.persistence.internal.JdbcUrls} and
 * {@link com.kameleoon.persistence.internal.MigrationScripts}. May change in any release.
 */
package com.kameleoon.persistence.internal;
