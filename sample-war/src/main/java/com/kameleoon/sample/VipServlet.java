package com.kameleoon.sample;

import com.kameleoon.data.CustomData;
import com.kameleoon.jakarta.KameleoonJakarta;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /vip}: adds the custom data {@code loyalty_tier = vip} (index 1), which the {@code vip_banner} flag
 * targets; with the JDBC store every node of a cluster sees it. Redirects to the shop.
 */
@WebServlet("/vip")
public class VipServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KameleoonJakarta.visitor(request).addData(new CustomData(1, "vip"));
        KameleoonJakarta.visitor(request).commit();
        response.sendRedirect(request.getContextPath() + "/");
    }
}
