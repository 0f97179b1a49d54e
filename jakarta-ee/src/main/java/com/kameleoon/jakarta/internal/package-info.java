/** Implementation of the Jakarta EE integration; may change at will. */
package com.kameleoon.jakarta.internal;
