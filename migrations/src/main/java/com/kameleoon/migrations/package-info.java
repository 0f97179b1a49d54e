/**
 * The SQL migrations of the Kameleoon tables, as Flyway versioned scripts on the class path:
 * {@code db/kameleoon/h2}, {@code db/kameleoon/postgresql} and {@code db/kameleoon/mysql} (MySQL 8 and
 * MariaDB), recorded in the history table {@code kameleoon_schema_history}. {@link
 * com.kameleoon.migrations.KameleoonMigrations} names these locations; {@code kameleoon-persistence} runs them.
 * Teams that run their own migrations can take the files from this jar as they are.
 */
package com.kameleoon.migrations;
