/**
 * The sample shop: the "number of recommended products" experiment of the user guide, a consent banner, a Buy
 * button, a collector standing in for the Kameleoon Data API, and the results and debug pages.
 */
package com.kameleoon.sample;
