package com.kameleoon.sample;

/** HTML text helpers: escaping and the page frame shared by the shop's pages. */
final class Html {
    private Html() {
    }

    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param base the context path
     * @param title the page title
     * @param body the page's main content
     * @param extraHead more head content (scripts), or empty
     * @return the whole page
     */
    static String page(String base, String title, String body, String extraHead) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · Kameleoon sample shop</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:1rem auto;padding:0 1rem;}"
                + "nav a{margin-right:1rem}.banner{padding:.75rem;border-radius:.4rem;margin:.5rem 0}"
                + ".consent{background:#fff3cd}.vip{background:#d1e7dd}.thanks{background:#cfe2ff}"
                + ".products{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}"
                + ".products li{border:1px solid #ccc;border-radius:.4rem;padding:.5rem;width:9rem}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}"
                + "button{font-size:1rem;padding:.4rem 1rem}</style>" + extraHead + "</head><body>"
                + "<nav><a href=\"" + base + "/\">Shop</a><a href=\"" + base + "/results\">Results</a>"
                + "<a href=\"" + base + "/debug\">Debug</a></nav><h1>" + escape(title) + "</h1>" + body
                + "</body></html>";
    }
}
