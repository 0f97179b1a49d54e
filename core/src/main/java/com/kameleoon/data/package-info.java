/**
 * Visitor data types for {@code KameleoonClient.addData}: immutable values, a closed set under the sealed
 * {@link com.kameleoon.data.Data} interface. Each type documents how it is stored per visitor.
 */
package com.kameleoon.data;
