package com.kameleoon.data;

/** Browser families known to Kameleoon targeting; the ordinal is the wire {@code browserIndex}. */
public enum BrowserType {
    /** Google Chrome (index 0). */
    CHROME,
    /** Microsoft Internet Explorer (index 1). */
    INTERNET_EXPLORER,
    /** Mozilla Firefox (index 2). */
    FIREFOX,
    /** Apple Safari (index 3). */
    SAFARI,
    /** Opera (index 4). */
    OPERA,
    /** Anything else (index 5). */
    OTHER
}
