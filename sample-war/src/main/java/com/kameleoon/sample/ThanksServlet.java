package com.kameleoon.sample;

import com.kameleoon.jakarta.KameleoonJakarta;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /thanks}: the order confirmation {@code POST /buy} redirects to. It records nothing, so showing it
 * again (a refresh, the back button) buys nothing.
 */
@WebServlet(ThanksServlet.PATH)
public class ThanksServlet extends HttpServlet {
    static final String PATH = "/thanks";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getContextPath();
        String code = KameleoonJakarta.visitor(request).getCode();
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Html.page(base, "Thank you", "<div class=\"hero\"><div class=\"picture\">"
                + ProductPictures.svg(Catalog.FEATURED.id(), 220) + "</div><div><p id=\"order-confirmed\" "
                + "data-visitor=\"" + Html.escape(code) + "\">Your order of the " + Html.escape(Catalog.FEATURED.name())
                + " is recorded.</p><p class=\"actions\"><a href=\"" + base + "/\">Back to the shop</a> · <a "
                + "id=\"see-results\" href=\"" + base + "/results\">See the results</a></p></div></div>", ""));
    }
}
