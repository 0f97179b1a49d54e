package com.kameleoon.jakarta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * CDI beans: {@code @Inject KameleoonClient} (or {@link KameleoonServletClient}), application scoped and named
 * {@code kameleoonClient}, and {@code @Inject KameleoonVisitor}, request scoped and named {@code kameleoonVisitor}
 * for EL. Both are the objects of {@link KameleoonJakarta}; the client's lifecycle belongs to the web
 * application ({@link KameleoonListener}), not to CDI.
 */
@ApplicationScoped
public class KameleoonCdiProducers {
    /**
     * @param context the web application (built-in bean)
     * @return the application's client
     */
    @Produces
    @ApplicationScoped
    @Named("kameleoonClient")
    @Typed({KameleoonServletClient.class, com.kameleoon.KameleoonClient.class})
    public KameleoonServletClient client(ServletContext context) {
        return KameleoonJakarta.client(context);
    }

    /**
     * @param request the current request (built-in bean)
     * @return the request's visitor
     */
    @Produces
    @RequestScoped
    @Named("kameleoonVisitor")
    public KameleoonVisitor visitor(HttpServletRequest request) {
        return KameleoonJakarta.visitor(request);
    }
}
