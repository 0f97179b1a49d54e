package com.kameleoon.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official SDK's main artifact documents the {@code javax.servlet} forms: getVisitorCode(request, response[,
 * defaultVisitorCode]) and setLegalConsent(visitorCode, consent, response). They run here in a real Jetty 9
 * (javax.servlet 3.1), as in a Spring Boot 2 application.
 */
@Timeout(60)
class JavaxServletTest {
    private static final String SITE = "compat-javax";

    @TempDir
    static Path directory;
    private static CompatBackend backend;
    private static KameleoonClient kameleoonClient;
    private static Server jetty;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A page that resolves the visitor code with a default and records consent, in the documentation's style. */
    static final class ConsentServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                String visitorCode = kameleoonClient.getVisitorCode(request, response,
                        request.getParameter("user"));
                if (request.getParameter("consent") != null) {
                    kameleoonClient.setLegalConsent(visitorCode, true, response);
                }
                response.getWriter().write(visitorCode);
            } catch (KameleoonException.VisitorCodeInvalid e) {
                response.sendError(400, e.getMessage());
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        backend = CompatBackend.start(SITE, directory);
        kameleoonClient = KameleoonClientFactory.create(SITE, backend.configPath());
        kameleoonClient.waitInit().get(10, TimeUnit.SECONDS);
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new ConsentServlet()), "/page");
        jetty.setHandler(context);
        jetty.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
        KameleoonClientFactory.forget(SITE);
        backend.close();
    }

    private static HttpResponse<String> get(String query, String cookie) throws Exception {
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/page" + query));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDefaultCodeIsUsedWithoutACookieAndTheCookieWins() throws Exception {
        HttpResponse<String> withoutCookie = get("?user=user42", null);
        HttpResponse<String> withCookie = get("?user=user42", "other=1; kameleoonVisitorCode=fromcookie123456");

        assertThat(withoutCookie.body()).isEqualTo("user42");
        assertThat(withoutCookie.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("kameleoonVisitorCode=user42;");
        assertThat(withCookie.body()).isEqualTo("fromcookie123456");
    }

    @Test
    void consentRewritesTheCookieOnce() throws Exception {
        HttpResponse<String> response = get("?consent=1", "kameleoonVisitorCode=consentvisitor01");

        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(response.body()).isEqualTo("consentvisitor01");
        assertThat(cookies).filteredOn(c -> c.startsWith("kameleoonVisitorCode=")).hasSize(1);
    }

    @Test
    void anEmptyDefaultCodeIsRefused() throws Exception {
        assertThat(get("?user=", null).statusCode()).isEqualTo(400);
    }
}
