package com.kameleoon.sample;

import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.jakarta.KameleoonVisitor;
import com.kameleoon.types.Variation;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The product page. The number of recommended products is the variable {@code num_recommended_products} of the
 * visitor's variation of {@code recommended_products} (an experiment: control 3, variation 1 five, variation 2
 * eight; "off" shows none). VIPs (custom data {@code loyalty_tier=vip}) see a banner, buyers (goal 71001) a thank
 * you; a consent banner asks until the visitor chooses; the engine tracking code hands the assignments to
 * Kameleoon's JavaScript engine (hybrid mode).
 */
@WebServlet("")
public class ShopServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String FLAG = "recommended_products";
    static final String CONSENT_COOKIE = "kameleoonLegalConsent";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KameleoonVisitor visitor = KameleoonJakarta.visitor(request);
        Variation variation = visitor.getVariation(FLAG);
        int count = ((Number) variation.getVariables().get("num_recommended_products").getValue()).intValue();
        String base = request.getContextPath();
        StringBuilder body = new StringBuilder();
        if (consentCookie(request) == null) {
            body.append("<div class=\"banner consent\" id=\"consent-banner\">We would like to measure how you use the "
                    + "shop. <button id=\"accept-consent\" onclick=\"consent('accepted')\">Accept</button> "
                    + "<button id=\"refuse-consent\" onclick=\"consent('refused')\">Refuse</button></div>");
        }
        if (visitor.isFeatureActive("vip_banner")) {
            body.append("<div class=\"banner vip\" id=\"vip-banner\">")
                    .append(Html.escape(visitor.getVariable("vip_banner", "message"))).append("</div>");
        }
        if (visitor.isFeatureActive("buyer_thanks")) {
            body.append("<div class=\"banner thanks\" id=\"buyer-thanks\">Thanks for buying from us!</div>");
        }
        Catalog.Product product = Catalog.FEATURED;
        body.append("<h2 id=\"product\">").append(Html.escape(product.name())).append("</h2><p>")
                .append(String.format(Locale.ROOT, "%.2f", product.price())).append(" €</p>")
                .append("<form method=\"post\" action=\"").append(base).append("/buy\">")
                .append("<button id=\"buy\" type=\"submit\">Buy</button></form>")
                .append("<h3>Recommended for you</h3><ul class=\"products\" id=\"recommendations\" data-count=\"")
                .append(count).append("\" data-variation=\"").append(Html.escape(variation.getKey())).append("\">");
        for (Catalog.Product recommended : Catalog.RECOMMENDABLE.subList(0, Math.min(count,
                Catalog.RECOMMENDABLE.size()))) {
            body.append("<li class=\"recommendation\">").append(Html.escape(recommended.name())).append("<br>")
                    .append(String.format(Locale.ROOT, "%.2f", recommended.price())).append(" €</li>");
        }
        body.append("</ul><form method=\"post\" action=\"").append(base).append("/vip\">")
                .append("<button id=\"join-vip\" type=\"submit\">Join the VIP club</button></form>")
                .append("<p><small>Visitor <code id=\"visitor-code\">").append(Html.escape(visitor.getCode()))
                .append("</code>, variation <code>").append(Html.escape(variation.getKey()))
                .append("</code></small></p>");
        String head = "<script>function consent(v){document.cookie='" + CONSENT_COOKIE + "='+v+"
                + "';path=/;max-age=31536000;SameSite=Lax';location.reload();}</script>"
                // Hybrid mode: the engine tracking code is plain JavaScript built from ids, safe to inline.
                + "<script id=\"kameleoon-engine\">" + visitor.getEngineTrackingCode() + "</script>";
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Html.page(base, "Kameleoon coffee", body.toString(), head));
    }

    static String consentCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (CONSENT_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
