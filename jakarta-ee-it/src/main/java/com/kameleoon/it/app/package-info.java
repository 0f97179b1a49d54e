/** The servlets of the integration-test WAR; each one exercises one path through the filter and CDI. */
package com.kameleoon.it.app;
