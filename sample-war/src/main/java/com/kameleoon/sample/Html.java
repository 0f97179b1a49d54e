package com.kameleoon.sample;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** HTML text helpers: escaping, the page frame shared by the shop's pages, redirects and error pages. */
final class Html {
    /** The shop's look, inline: the sample has no static files and no front-end build. */
    private static final String STYLE = "<style>"
            + ":root{--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--brand:#0b6e4f;--brand-soft:#e3f2ec;"
            + "--accent:#c8553d;--paper:#fbfaf7}"
            + "*{box-sizing:border-box}"
            + "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--ink);"
            + "background:var(--paper);line-height:1.45}"
            + "header.site{background:var(--brand);color:#fff}"
            + "header.site .bar{max-width:64rem;margin:0 auto;padding:.8rem 1.25rem;display:flex;align-items:center;"
            + "gap:1.5rem}"
            + ".logo{display:flex;align-items:center;gap:.6rem;color:#fff;text-decoration:none;font-weight:700;"
            + "font-size:1.25rem;letter-spacing:.01em}"
            + "header.site nav{margin-left:auto;display:flex;gap:1.25rem}"
            + "header.site nav a{color:#e9f5ef;text-decoration:none;font-weight:500}"
            + "header.site nav a:hover{color:#fff;text-decoration:underline}"
            + "main{max-width:64rem;margin:0 auto;padding:1.25rem}"
            + "h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin:1.5rem 0 .75rem}"
            + ".banner{padding:.8rem 1rem;border-radius:.6rem;margin:.75rem 0;display:flex;align-items:center;"
            + "gap:.75rem;flex-wrap:wrap}"
            + ".consent{background:#fff3cd;border:1px solid #f0d78c}.vip{background:var(--brand-soft);"
            + "border:1px solid #b7dccb}.thanks{background:#e7effd;border:1px solid #c2d4f7}"
            + ".hero{display:grid;grid-template-columns:minmax(12rem,18rem) 1fr;gap:2rem;align-items:center;"
            + "background:#fff;border:1px solid var(--line);border-radius:1rem;padding:1.5rem}"
            + ".hero .picture{background:var(--brand-soft);border-radius:.8rem;padding:1rem}"
            + ".price{font-size:1.5rem;font-weight:700;color:var(--brand);margin:.25rem 0 1rem}"
            + ".actions{display:flex;gap:.75rem;flex-wrap:wrap}.actions form{margin:0}"
            + "button{font:inherit;font-weight:600;padding:.55rem 1.2rem;border-radius:.5rem;border:1px solid "
            + "var(--brand);background:var(--brand);color:#fff;cursor:pointer}"
            + "button.secondary{background:#fff;color:var(--brand)}"
            + ".products{display:grid;grid-template-columns:repeat(auto-fill,minmax(10.5rem,1fr));gap:1rem;"
            + "list-style:none;padding:0;margin:0}"
            + ".card{background:#fff;border:1px solid var(--line);border-radius:.8rem;padding:.75rem;"
            + "box-shadow:0 1px 2px rgba(0,0,0,.04)}"
            + ".card .picture{background:#f3f1ec;border-radius:.6rem;padding:.5rem;margin-bottom:.5rem}"
            + ".card .name{font-weight:600}.card .card-price{color:var(--muted)}"
            + ".empty{color:var(--muted);font-style:italic}"
            + ".badge{display:inline-block;font-size:.8rem;font-weight:600;padding:.15rem .55rem;border-radius:1rem;"
            + "background:var(--accent);color:#fff;vertical-align:middle}"
            + ".visitor{margin-top:2rem;color:var(--muted);font-size:.85rem}"
            + "table{border-collapse:collapse;background:#fff}td,th{border:1px solid var(--line);padding:.4rem .7rem;"
            + "text-align:right}th{text-align:left}.nodata{color:var(--muted);font-style:italic}"
            + "code{background:#eef0f2;padding:.05rem .3rem;border-radius:.25rem}"
            + "@media (max-width:40rem){.hero{grid-template-columns:1fr}}"
            + "</style>";
    private static final String LOGO = "<svg width=\"30\" height=\"30\" viewBox=\"0 0 32 32\" aria-hidden=\"true\">"
            + "<circle cx=\"16\" cy=\"16\" r=\"15\" fill=\"#fff\"/><path d=\"M9 13h12v6a6 6 0 0 1-12 0z\" "
            + "fill=\"#0b6e4f\"/><path d=\"M21 14h2a2.5 2.5 0 0 1 0 5h-2\" fill=\"none\" stroke=\"#0b6e4f\" "
            + "stroke-width=\"1.8\"/><path d=\"M12 7c0 2 2 2 2 4M16 7c0 2 2 2 2 4\" fill=\"none\" stroke=\"#c8553d\" "
            + "stroke-width=\"1.5\" stroke-linecap=\"round\"/></svg>";

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
                + "<title>" + escape(title) + " · Kameleoon coffee</title>" + STYLE + extraHead + "</head><body>"
                + "<header class=\"site\"><div class=\"bar\"><a class=\"logo\" href=\"" + base + "/\">" + LOGO
                + "Kameleoon coffee</a><nav><a href=\"" + base + "/\">Shop</a><a href=\"" + base
                + "/results\">Results</a><a href=\"" + base + "/debug\">Debug</a></nav></div></header>"
                + "<main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>";
    }

    /**
     * Answers a POST with 303 See Other, so that the browser shows the target with a GET and a refresh does not
     * post again.
     *
     * @param response the response
     * @param location the absolute path to show
     */
    static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    /**
     * Writes an error page of the shop's own (the container's would show its version and exception messages).
     *
     * @param response the response
     * @param base the context path
     * @param status the status code
     * @param id the id of the message element, for tests and styling
     * @param message the message, plain text
     */
    static void error(HttpServletResponse response, String base, int status, String id, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(page(base, "Sorry", "<p class=\"banner consent\" id=\"" + id + "\">"
                + escape(message) + "</p><p><a href=\"" + base + "/\">Back to the shop</a></p>", ""));
        // Committed now: the filter's end-of-request write may fail again and must not turn this page into a 500.
        response.flushBuffer();
    }
}
