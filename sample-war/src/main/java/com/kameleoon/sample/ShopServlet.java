package com.kameleoon.sample;

import com.kameleoon.data.PageView;
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
 * eight; "off" shows none; a variable of another type shows none and logs a warning). VIPs (custom data
 * {@code loyalty_tier=vip}) see a banner, buyers (goal 71001) a thank you; a consent banner asks until the visitor
 * chooses; the engine tracking code hands the assignments to Kameleoon's JavaScript engine (hybrid mode). Each view
 * adds a page view. In debug mode a badge shows the visitor's variation.
 */
@WebServlet("")
public class ShopServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String FLAG = "recommended_products";
    static final String VIP_FLAG = "vip_banner";
    static final String CONSENT_COOKIE = "kameleoonLegalConsent";
    /** Recommendations shown when the variable cannot be read: none, as for the flag's "off" variation. */
    static final int DEFAULT_RECOMMENDATIONS = 0;


    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KameleoonVisitor visitor = KameleoonJakarta.visitor(request);
        SampleSettings settings = (SampleSettings) getServletContext().getAttribute(SampleListener.SETTINGS);
        // A page view as the official SDKs record one: the debug page counts them, the Data API receives them.
        visitor.addData(new PageView(request.getRequestURL().toString(), "Kameleoon coffee"));
        // Each flag is evaluated once per page, so each tracks one exposure, as with the official SDKs: reading a
        // variable through the visitor (getVariable) would evaluate and track the flag a second time.
        Variation variation = visitor.getVariation(FLAG);
        Variation vip = visitor.getVariation(VIP_FLAG);
        int count = Math.max(0, Math.min(variation.getVariableValue("num_recommended_products",
                Integer.class, DEFAULT_RECOMMENDATIONS), Catalog.RECOMMENDABLE.size()));
        String base = request.getContextPath();
        StringBuilder body = new StringBuilder();
        if (consentCookie(request) == null) {
            body.append("<div class=\"banner consent\" id=\"consent-banner\"><span>We would like to measure how"
                    + " you use the shop.</span> <button id=\"accept-consent\" onclick=\"consent('accepted')\">Accept"
                    + "</button> <button class=\"secondary\" id=\"refuse-consent\" onclick=\"consent('refused')\">"
                    + "Refuse</button></div>");
        }
        if (vip.isActive()) {
            body.append("<div class=\"banner vip\" id=\"vip-banner\">")
                    .append(Html.escape(vip.getVariableValue("message", String.class, "Welcome back, VIP!")))
                    .append("</div>");
        }
        if (visitor.isFeatureActive("buyer_thanks")) {
            body.append("<div class=\"banner thanks\" id=\"buyer-thanks\">Thanks for buying from us!</div>");
        }
        Catalog.Product product = Catalog.FEATURED;
        body.append("<section class=\"hero\"><div class=\"picture\">").append(ProductPictures.svg(product.id(), 240))
                .append("</div><div><h2 id=\"product\">").append(Html.escape(product.name())).append("</h2>")
                .append("<p>Stoneware, 350 ml, dishwasher safe: the mug our baristas drink from.</p>")
                .append("<p class=\"price\">").append(price(product.price())).append("</p>")
                .append("<div class=\"actions\"><form method=\"post\" action=\"").append(base).append("/buy\">")
                .append("<button id=\"buy\" type=\"submit\">Buy</button></form><form method=\"post\" action=\"")
                .append(base).append("/vip\"><button class=\"secondary\" id=\"join-vip\" type=\"submit\">Join the"
                        + " VIP club</button></form></div></div></section>");
        body.append("<h2>Recommended for you");
        if (settings != null && settings.debug()) {
            body.append(" <span class=\"badge\" id=\"variation-badge\" title=\"shown in debug mode\">")
                    .append(Html.escape(FLAG)).append(": ").append(Html.escape(variation.getKey())).append("</span>");
        }
        body.append("</h2><ul class=\"products\" id=\"recommendations\" data-count=\"").append(count)
                .append("\" data-variation=\"").append(Html.escape(variation.getKey())).append("\">");
        for (Catalog.Product recommended : Catalog.RECOMMENDABLE.subList(0, count)) {
            body.append("<li class=\"card recommendation\"><div class=\"picture\">")
                    .append(ProductPictures.svg(recommended.id(), 150)).append("</div><div class=\"name\">")
                    .append(Html.escape(recommended.name())).append("</div><div class=\"card-price\">")
                    .append(price(recommended.price())).append("</div></li>");
        }
        body.append("</ul>");
        if (count == 0) {
            body.append("<p class=\"empty\">No recommendations today.</p>");
        }
        body.append("<p class=\"visitor\">Visitor <code id=\"visitor-code\">").append(Html.escape(visitor.getCode()))
                .append("</code></p>");
        String head = "<script>function consent(v){document.cookie='" + CONSENT_COOKIE + "='+v+"
                + "';path=/;max-age=31536000;SameSite=Lax';location.reload();}</script>"
                // Hybrid mode: the engine tracking code is plain JavaScript built from ids, safe to inline.
                + "<script id=\"kameleoon-engine\">" + visitor.getEngineTrackingCode() + "</script>";
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Html.page(base, "Today's pick", body.toString(), head));
    }

    private static String price(double value) {
        return String.format(Locale.ROOT, "%.2f €", value);
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
