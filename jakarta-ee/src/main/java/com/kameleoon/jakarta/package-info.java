/**
 * Kameleoon in a Jakarta EE 10 web application (Servlet 6, CDI 4). {@link com.kameleoon.jakarta.KameleoonFilter}
 * owns the visitor-code, consent and simulation cookies and turns each request into one unit of work (one
 * database transaction with the JDBC store); {@link com.kameleoon.jakarta.KameleoonVisitor} is the request's
 * visitor, injected by CDI or found with {@link com.kameleoon.jakarta.KameleoonJakarta#visitor}; the client is
 * built from layered configuration at deployment and closed at undeploy by
 * {@link com.kameleoon.jakarta.KameleoonListener}.
 */
package com.kameleoon.jakarta;
