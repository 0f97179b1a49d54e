package com.kameleoon.sample;

import com.kameleoon.data.CustomData;
import com.kameleoon.jakarta.KameleoonJakarta;
import com.kameleoon.jakarta.KameleoonVisitor;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /vip}: adds the custom data {@code loyalty_tier = vip} (index 1), which the {@code vip_banner} flag
 * targets; with the JDBC store every node of a cluster sees it. Redirects to the shop (303) once written; a failed
 * write answers 503 or 504 as {@code POST /buy} does.
 */
@WebServlet("/vip")
public class VipServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KameleoonVisitor visitor = KameleoonJakarta.visitor(request);
        visitor.addData(new CustomData(1, "vip"));
        String base = request.getContextPath();
        if (CommitAnswer.commit(visitor, response, base, "We could not add you to the VIP club just now: please "
                + "try again in a moment.", "We could not confirm whether you joined the VIP club: reload the shop"
                + " to see.")) {
            Html.seeOther(response, base + "/");
        }
    }
}
