package com.kameleoon.it.container;

/**
 * Tomcat's naming rule between a context's descriptor file name and its URL path: {@code ROOT} is the empty
 * path and {@code #} stands for {@code /}, so {@code shop#v2.xml} serves {@code /shop/v2}. Thread-safe
 * (stateless).
 */
final class TomcatContexts {
    private TomcatContexts() {
    }

    /**
     * @param contextName a descriptor's base name
     * @return the context path: empty or starting with {@code /}
     */
    static String path(String contextName) {
        if (contextName == null || contextName.isEmpty() || contextName.contains("/")) {
            throw new IllegalArgumentException("context name must be non-empty, use # instead of /: " + contextName);
        }
        return "ROOT".equals(contextName) ? "" : "/" + contextName.replace('#', '/');
    }
}
