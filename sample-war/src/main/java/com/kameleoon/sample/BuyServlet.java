package com.kameleoon.sample;

import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.exceptions.UnitOutcomeUnknown;
import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.jakarta.KameleoonVisitor;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /buy}: tracks the purchase conversion (goal 71001, the mug's price as revenue) and answers only after
 * it is written (visitor and outbox line in one transaction): a 200 means the conversion reaches the collector even
 * if this node dies right after; a failed write answers 503 (nothing recorded: a retry records it once); a write
 * whose connection broke while the database committed answers 504 (recorded or not, nobody can tell yet: the
 * shopper is asked to check before buying again, since a retry could record a second purchase).
 */
@WebServlet("/buy")
public class BuyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KameleoonVisitor visitor = KameleoonJakarta.visitor(request);
        visitor.trackConversion((int) CollectorStore.GOAL_ID, Catalog.FEATURED.price());
        try {
            visitor.commit();
        } catch (UnitOutcomeUnknown e) {
            response.sendError(HttpServletResponse.SC_GATEWAY_TIMEOUT, "we could not confirm whether the order was"
                    + " recorded; check your orders before buying again");
            return;
        } catch (KameleoonException e) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the order could not be recorded; retry");
            return;
        }
        String base = request.getContextPath();
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(Html.page(base, "Thank you", "<p id=\"order-confirmed\" data-visitor=\""
                + Html.escape(visitor.getCode()) + "\">Your order is recorded.</p><p><a href=\"" + base
                + "/\">Back to the shop</a> · <a id=\"see-results\" href=\"" + base + "/results\">See the results</a></p>",
                ""));
    }
}
