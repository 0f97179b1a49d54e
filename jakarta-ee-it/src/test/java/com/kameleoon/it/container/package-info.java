/**
 * Real servlet containers for integration tests: {@link com.kameleoon.it.container.TomcatServer} and
 * {@link com.kameleoon.it.container.WildFlyServer} run unpacked distributions in their own JVM, each on a fresh
 * base directory and free 127.0.0.1 ports, and {@link com.kameleoon.it.container.PayaraMicroServer} runs Payara
 * Micro's jar with one WAR on a JDK 21 or newer; {@link com.kameleoon.it.container.ContainerJmx} looks inside a
 * running Tomcat (threads, heap histogram, web module state); {@link com.kameleoon.it.container.Http} talks to them
 * with explicit cookies.
 *
 * <p>Contract: every wait is bounded and fails with the container's log tail; {@code close()} always ends the
 * whole process tree. Nothing here is thread-safe unless it says so: one test drives one container.
 */
package com.kameleoon.it.container;
