/**
 * The public API: {@link com.kameleoon.KameleoonClient} (one per site code, from
 * {@link com.kameleoon.KameleoonClientFactory}), built from an immutable
 * {@link com.kameleoon.KameleoonClientConfig}; {@link com.kameleoon.CookieJar} adapts an HTTP exchange's
 * cookies. Everything under {@code com.kameleoon.internal} may change at will.
 */
package com.kameleoon;
