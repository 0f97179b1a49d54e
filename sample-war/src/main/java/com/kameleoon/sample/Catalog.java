package com.kameleoon.sample;

import java.util.List;

/** The shop's products: the one on sale and those that can be recommended beside it. */
final class Catalog {
    /** The product on the page. */
    static final Product FEATURED = new Product("mug", "Kameleoon coffee mug", 12.0);

    /** Recommendations, best first; a variation shows the first few. */
    static final List<Product> RECOMMENDABLE = List.of(new Product("beans", "Espresso beans, 1 kg", 18.5),
            new Product("grinder", "Hand grinder", 39.0), new Product("filter", "Pour-over filter", 14.0),
            new Product("kettle", "Gooseneck kettle", 45.0), new Product("scale", "Coffee scale", 25.0),
            new Product("cups", "Espresso cups (2)", 16.0), new Product("tamper", "Tamper", 21.0),
            new Product("cleaner", "Machine cleaner", 9.5));

    private Catalog() {
    }

    /** A product. */
    record Product(String id, String name, double price) {
    }
}
