/**
 * The user documentation, run: each test writes the project a page shows into a scratch folder, builds and runs it
 * with the page's own command in a child Maven that gets this build's artifacts without anything being installed
 * into the user's local repository, and checks what the page says the reader will see.
 */
package com.kameleoon.it.docs;
