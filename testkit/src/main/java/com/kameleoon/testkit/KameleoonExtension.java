package com.kameleoon.testkit;

import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.KameleoonClientFactory;
import com.kameleoon.KameleoonComponents;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test a Kameleoon client wired to a fake backend, so that code using flags can
 * be tested through the real SDK without a Kameleoon account or datafile files. Use it with {@link KameleoonTest}
 * (which also names the site code) or {@code @ExtendWith(KameleoonExtension.class)} (site code
 * {@value KameleoonTest#DEFAULT_SITE_CODE}).
 *
 * <ul>
 *   <li>Per test class: one {@link KameleoonTestServer} (also for its {@code @Nested} classes).</li>
 *   <li>Before each test: the tracking and requests captured so far are forgotten; the class's
 *       {@link KameleoonDataFile} (or an empty datafile) is served with real-time update on; a client is created
 *       with {@link KameleoonClientFactory#create(String, KameleoonClientConfig, KameleoonComponents)}, so that
 *       application code asking the factory for the site code's client gets this one, with every base URL pointed
 *       at the server; and the test starts only once it has loaded its datafile.</li>
 *   <li>After each test: the client is closed (delivering its pending tracking) and forgotten by the factory,
 *       so no visitor, assignment or tracking line reaches the next test.</li>
 *   <li>After the class: the server is closed.</li>
 * </ul>
 *
 * Test methods, {@code @BeforeEach} and {@code @AfterEach} methods can declare parameters of type
 * {@link KameleoonClient}, {@link KameleoonTestServer}, {@link KameleoonTracking} and {@link TestSite}; the server
 * also in {@code @BeforeAll} methods. Non-static, non-final fields of these types in the test instance are set
 * before each test, overwriting what they held.
 */
public final class KameleoonExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    /** The credentials the server accepts and the client sends. */
    static final String CLIENT_ID = "kameleoon-testkit-client";
    static final String CLIENT_SECRET = "kameleoon-testkit-secret";
    /** How long a client may take to load its first datafile before the test is failed. */
    private static final long INIT_TIMEOUT_SECONDS = 10;
    private static final long RETRY_DELAY_MILLIS = 100;
    private static final List<Class<?>> INJECTABLE = List.of(KameleoonClient.class, KameleoonTestServer.class,
            KameleoonTracking.class, TestSite.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            KameleoonExtension.class);

    /** What a test class shares: the server, and which class context started it (the one to close it). */
    private record PerClass(KameleoonTestServer server, String siteCode, String owner) {
    }

    /** What one test gets. */
    private record PerTest(TestSite site, KameleoonTracking tracking) {
    }

    /** Creates the extension; JUnit does, through {@link KameleoonTest} or {@code @ExtendWith}. */
    public KameleoonExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(PerClass.class, PerClass.class) != null) {
            return; // a @Nested class: the enclosing class's server serves it
        }
        KameleoonTestServer server = KameleoonTestServer.start();
        server.setCredentials(CLIENT_ID, CLIENT_SECRET);
        store.put(PerClass.class, new PerClass(server, siteCode(context.getRequiredTestClass()),
                context.getUniqueId()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PerClass perClass = context.getStore(NAMESPACE).get(PerClass.class, PerClass.class);
        if (perClass != null && perClass.owner().equals(context.getUniqueId())) {
            perClass.server().close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        PerClass perClass = perClass(context);
        KameleoonTestServer server = perClass.server();
        String siteCode = perClass.siteCode();
        server.clearRequests();
        TestDataFile dataFile = DataFileSource.find(context.getRequiredTestClass()).withRealTimeUpdate(true);
        server.setDataFile(siteCode, dataFile);

        KameleoonClientFactory.forget(siteCode); // a client of this site code left by other code would be stale
        KameleoonClient client = KameleoonClientFactory.create(siteCode, config(server.baseUri()),
                KameleoonComponents.defaults().withRetryDelayMillis(RETRY_DELAY_MILLIS));
        try {
            awaitInit(client, server, siteCode);
            TestSite site = TestSite.of(server, siteCode, client, dataFile);
            KameleoonTracking tracking = new KameleoonTracking(server, client, site::dataFile,
                    KameleoonTracking.DEFAULT_TIMEOUT);
            context.getStore(NAMESPACE).put(PerTest.class, new PerTest(site, tracking));
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                inject(instance, server, site, tracking);
            }
        } catch (Exception | Error e) {
            KameleoonClientFactory.forget(siteCode);
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        PerTest perTest = context.getStore(NAMESPACE).remove(PerTest.class, PerTest.class);
        PerClass perClass = perClass(context);
        if (perTest != null) {
            perTest.site().client().close();
        }
        KameleoonClientFactory.forget(perClass.siteCode());
        // A closed client's stream would count as open until a write to it fails; end it now.
        perClass.server().closeStreams(perClass.siteCode());
        perClass.server().clearRequests();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        PerClass perClass = perClass(context);
        if (type == KameleoonTestServer.class) {
            return perClass.server();
        }
        PerTest perTest = context.getStore(NAMESPACE).get(PerTest.class, PerTest.class);
        if (perTest == null) {
            throw new ParameterResolutionException("a " + type.getSimpleName() + " exists for one test only: declare "
                    + "it in a test, @BeforeEach or @AfterEach method (@BeforeAll methods can have the "
                    + "KameleoonTestServer)");
        }
        return valueOf(type, perClass.server(), perTest.site(), perTest.tracking());
    }

    private static PerClass perClass(ExtensionContext context) {
        PerClass perClass = context.getStore(NAMESPACE).get(PerClass.class, PerClass.class);
        if (perClass == null) {
            throw new IllegalStateException("KameleoonExtension must be registered on the test class "
                    + "(@KameleoonTest or @ExtendWith(KameleoonExtension.class)), not only on a method");
        }
        return perClass;
    }

    private static String siteCode(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            KameleoonTest annotation = c.getAnnotation(KameleoonTest.class);
            if (annotation != null) {
                if (annotation.siteCode().isBlank()) {
                    throw new IllegalArgumentException("@KameleoonTest on " + c.getName() + ": siteCode is blank");
                }
                return annotation.siteCode();
            }
        }
        return KameleoonTest.DEFAULT_SITE_CODE;
    }

    private static KameleoonClientConfig config(URI server) {
        return KameleoonClientConfig.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .sdkConfigUrl(server).eventsUrl(server).accessTokenUrl(server).dataApiUrl(server)
                .defaultTimeoutMillisecond(5_000)
                .trackingIntervalMillisecond(KameleoonClientConfig.MIN_TRACKING_INTERVAL_MILLISECOND)
                .build();
    }

    private static void awaitInit(KameleoonClient client, KameleoonTestServer server, String siteCode)
            throws InterruptedException {
        boolean ready;
        try {
            ready = Boolean.TRUE.equals(client.waitInit().get(INIT_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            ready = false;
        }
        if (!ready) {
            throw new IllegalStateException("the Kameleoon client of site '" + siteCode + "' did not load its "
                    + "datafile from " + server + " within " + INIT_TIMEOUT_SECONDS + " s; configuration requests: "
                    + server.requests(Endpoint.CONFIGURATION));
        }
    }

    private static void inject(Object instance, KameleoonTestServer server, TestSite site, KameleoonTracking tracking)
            throws IllegalAccessException {
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)
                        || !INJECTABLE.contains(field.getType())) {
                    continue;
                }
                field.setAccessible(true);
                field.set(instance, valueOf(field.getType(), server, site, tracking));
            }
        }
    }

    private static Object valueOf(Class<?> type, KameleoonTestServer server, TestSite site,
            KameleoonTracking tracking) {
        if (type == KameleoonTestServer.class) {
            return server;
        }
        if (type == KameleoonClient.class) {
            return site.client();
        }
        if (type == KameleoonTracking.class) {
            return tracking;
        }
        return site;
    }
}
