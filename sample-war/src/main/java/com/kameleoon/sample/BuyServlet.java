package com.kameleoon.sample;

import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.jakarta.KameleoonVisitor;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /buy}: tracks the purchase conversion (goal 71001, the mug's price as revenue) and answers only after
 * it is written (visitor and outbox line in one transaction), with 303 See Other to the confirmation page
 * ({@code /thanks}), so that refreshing it does not buy again: a 303 means the conversion reaches the collector
 * even if this node dies right after; a failed write answers 503 (nothing recorded: a retry records it once); a
 * write whose connection broke while the database committed answers 504 (recorded or not, nobody can tell yet: the
 * shopper is asked to check before buying again, since a retry could record a second purchase).
 */
@WebServlet("/buy")
public class BuyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KameleoonVisitor visitor = KameleoonJakarta.visitor(request);
        visitor.trackConversion((int) CollectorStore.GOAL_ID, Catalog.FEATURED.price());
        String base = request.getContextPath();
        if (CommitAnswer.commit(visitor, response, base, "Your order could not be recorded. Nothing was charged:"
                + " please try again in a moment.", "We could not confirm whether your order was recorded. Check"
                + " your orders before buying again.")) {
            Html.seeOther(response, base + ThanksServlet.PATH);
        }
    }
}
