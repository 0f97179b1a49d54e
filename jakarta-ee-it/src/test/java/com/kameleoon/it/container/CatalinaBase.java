package com.kameleoon.it.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh CATALINA_BASE for one Tomcat run: the distribution's {@code conf/} with a generated {@code server.xml},
 * and empty {@code logs}, {@code temp}, {@code work}, {@code webapps} and {@code conf/Catalina/localhost}. Tests
 * never share a base, so nothing deployed or logged by one run leaks into the next. Immutable once laid out.
 */
final class CatalinaBase {
    private final Path root;

    private CatalinaBase(Path root) {
        this.root = root;
    }

    /**
     * @param catalinaHome the unpacked distribution
     * @param root         an empty directory to lay the base out in
     * @param httpPort     the 127.0.0.1 port of the only connector
     * @return the laid-out base
     */
    static CatalinaBase create(Path catalinaHome, Path root, int httpPort) {
        try {
            TreeCopy.copy(catalinaHome.resolve("conf"), root.resolve("conf"));
            for (String dir : new String[] {"logs", "temp", "work", "webapps", "conf/Catalina/localhost"}) {
                Files.createDirectories(root.resolve(dir));
            }
            Files.writeString(root.resolve("conf/server.xml"), serverXml(httpPort), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out CATALINA_BASE " + root, e);
        }
        return new CatalinaBase(root);
    }

    Path root() {
        return root;
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path temp() {
        return root.resolve("temp");
    }

    /** @return where the context descriptor of {@code contextName} lives; its presence deploys the context */
    Path descriptor(String contextName) {
        return root.resolve("conf/Catalina/localhost").resolve(contextName + ".xml");
    }

    /*
     * Generated rather than patched, so the test does not depend on the distribution's comments and defaults:
     * the stock listeners (the leak-prevention ones matter to the redeploy leak test), no shutdown port, no AJP,
     * one connector on loopback, and a background processor every second (default 10 s) so that adding or
     * removing a descriptor is noticed quickly.
     */
    private static String serverXml(int httpPort) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server port="-1" shutdown="SHUTDOWN">
                  <Listener className="org.apache.catalina.startup.VersionLoggerListener" />
                  <Listener className="org.apache.catalina.core.AprLifecycleListener" />
                  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener" />
                  <Listener className="org.apache.catalina.mbeans.GlobalResourcesLifecycleListener" />
                  <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener" />
                  <GlobalNamingResources>
                    <Resource name="UserDatabase" auth="Container"
                              type="org.apache.catalina.UserDatabase"
                              description="User database that can be updated and saved"
                              factory="org.apache.catalina.users.MemoryUserDatabaseFactory"
                              pathname="conf/tomcat-users.xml" />
                  </GlobalNamingResources>
                  <Service name="Catalina">
                    <Connector address="127.0.0.1" port="%d" protocol="HTTP/1.1" connectionTimeout="20000" />
                    <Engine name="Catalina" defaultHost="localhost" backgroundProcessorDelay="1">
                      <Realm className="org.apache.catalina.realm.LockOutRealm">
                        <Realm className="org.apache.catalina.realm.UserDatabaseRealm" resourceName="UserDatabase"/>
                      </Realm>
                      <Host name="localhost" appBase="webapps" unpackWARs="true"
                            autoDeploy="true" deployOnStartup="true">
                        <Valve className="org.apache.catalina.valves.AccessLogValve" directory="logs"
                               prefix="localhost_access_log" suffix=".txt"
                               pattern="%%h %%l %%u %%t &quot;%%r&quot; %%s %%b"
                               conditionUnless="kameleoon.sample.no_access_log" />
                      </Host>
                    </Engine>
                  </Service>
                </Server>
                """.formatted(httpPort);
    }
}
