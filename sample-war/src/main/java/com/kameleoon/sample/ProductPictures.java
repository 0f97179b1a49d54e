package com.kameleoon.sample;

import java.util.Map;

/**
 * A small drawing of each product, as inline SVG (the sample serves no static files). Thread-safe (immutable).
 */
final class ProductPictures {
    private static final String STROKE = " fill=\"none\" stroke=\"#3b2f2a\" stroke-width=\"3\" stroke-linecap=\"round\""
            + " stroke-linejoin=\"round\"";
    /** Drawings on a 120 x 100 canvas, by product id. */
    private static final Map<String, String> DRAWINGS = Map.of(
            "mug", "<rect x=\"28\" y=\"30\" width=\"52\" height=\"56\" rx=\"8\" fill=\"#0b6e4f\"/>"
                    + "<path d=\"M80 42h8a12 12 0 0 1 0 24h-8\"" + STROKE + "/>"
                    + "<path d=\"M44 12c0 6 6 6 6 12M58 12c0 6 6 6 6 12\"" + STROKE + "/>"
                    + "<text x=\"54\" y=\"64\" font-size=\"16\" fill=\"#fff\" text-anchor=\"middle\" "
                    + "font-family=\"sans-serif\" font-weight=\"700\">K</text>",
            "beans", "<path d=\"M34 22h52l6 66H28z\" fill=\"#b5835a\"/><rect x=\"40\" y=\"44\" width=\"40\" "
                    + "height=\"24\" rx=\"4\" fill=\"#f4e9dc\"/>"
                    + "<ellipse cx=\"52\" cy=\"56\" rx=\"6\" ry=\"8\" fill=\"#5a3825\"/>"
                    + "<ellipse cx=\"68\" cy=\"56\" rx=\"6\" ry=\"8\" fill=\"#5a3825\"/>",
            "grinder", "<rect x=\"40\" y=\"36\" width=\"40\" height=\"52\" rx=\"6\" fill=\"#8a9299\"/>"
                    + "<rect x=\"44\" y=\"26\" width=\"32\" height=\"12\" rx=\"3\" fill=\"#5e666d\"/>"
                    + "<path d=\"M60 26V14h26\"" + STROKE + "/><circle cx=\"88\" cy=\"14\" r=\"5\" fill=\"#c8553d\"/>",
            "filter", "<path d=\"M30 26h60L68 70H52z\" fill=\"#f2f2f2\" stroke=\"#3b2f2a\" stroke-width=\"3\"/>"
                    + "<rect x=\"42\" y=\"70\" width=\"36\" height=\"18\" rx=\"4\" fill=\"#0b6e4f\"/>",
            "kettle", "<path d=\"M34 44h46v36a8 8 0 0 1-8 8H42a8 8 0 0 1-8-8z\" fill=\"#3b2f2a\"/>"
                    + "<path d=\"M34 52C20 52 16 36 12 24\"" + STROKE + "/>"
                    + "<path d=\"M80 50c12 0 12 26 0 26\"" + STROKE + "/><rect x=\"48\" y=\"36\" width=\"18\" "
                    + "height=\"8\" rx=\"3\" fill=\"#8a9299\"/>",
            "scale", "<rect x=\"18\" y=\"50\" width=\"84\" height=\"30\" rx=\"6\" fill=\"#2f3a40\"/>"
                    + "<rect x=\"24\" y=\"40\" width=\"72\" height=\"10\" rx=\"3\" fill=\"#8a9299\"/>"
                    + "<rect x=\"44\" y=\"58\" width=\"32\" height=\"14\" rx=\"2\" fill=\"#9be3c4\"/>",
            "cups", "<path d=\"M20 46h34l-4 32H24z\" fill=\"#fff\" stroke=\"#3b2f2a\" stroke-width=\"3\"/>"
                    + "<path d=\"M66 46h34l-4 32H70z\" fill=\"#fff\" stroke=\"#3b2f2a\" stroke-width=\"3\"/>"
                    + "<rect x=\"14\" y=\"80\" width=\"92\" height=\"6\" rx=\"3\" fill=\"#c8553d\"/>",
            "tamper", "<rect x=\"52\" y=\"16\" width=\"16\" height=\"46\" rx=\"8\" fill=\"#b5835a\"/>"
                    + "<rect x=\"34\" y=\"62\" width=\"52\" height=\"20\" rx=\"4\" fill=\"#8a9299\"/>",
            "cleaner", "<rect x=\"42\" y=\"34\" width=\"36\" height=\"54\" rx=\"6\" fill=\"#4e79a7\"/>"
                    + "<rect x=\"52\" y=\"20\" width=\"16\" height=\"14\" fill=\"#2f3a40\"/>"
                    + "<rect x=\"46\" y=\"52\" width=\"28\" height=\"16\" rx=\"2\" fill=\"#fff\"/>");

    private ProductPictures() {
    }

    /**
     * @param productId a {@link Catalog.Product#id()}
     * @param width the drawn width in CSS pixels
     * @return the product's picture, a plain placeholder for an unknown id
     */
    static String svg(String productId, int width) {
        String drawing = DRAWINGS.getOrDefault(productId, "<circle cx=\"60\" cy=\"50\" r=\"30\" fill=\"#8a9299\"/>");
        return "<svg class=\"product-picture\" viewBox=\"0 0 120 100\" width=\"" + width + "\" height=\""
                + width * 100 / 120 + "\" role=\"img\" aria-label=\"" + Html.escape(productId) + "\">" + drawing
                + "</svg>";
    }
}
