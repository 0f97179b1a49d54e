/**
 * Service-provider interfaces, for those who store visitors or tracking elsewhere: {@link
 * com.kameleoon.spi.VisitorRepository} (visitors in serialized form, written one batch of units of work at a
 * time), {@link com.kameleoon.spi.TrackingOutbox} (tracking lines waiting for delivery) and {@link
 * com.kameleoon.spi.DatafileCache}. Every type in a signature here is a public record or interface of this
 * package: nothing of the SDK's internals. In-memory implementations ship with core, the JDBC ones with {@code
 * kameleoon-persistence}; the testkit publishes the contract tests that all of them pass.
 */
package com.kameleoon.spi;
