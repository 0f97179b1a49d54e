package com.kameleoon.persistence.testing;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;

/**
 * A minimal JNDI provider for tests: {@code lookup(String)} reads {@link #BINDINGS}, {@code close()} does nothing,
 * everything else is unsupported. Select it with the system property {@value Context#INITIAL_CONTEXT_FACTORY}.
 */
public final class MapInitialContextFactory implements InitialContextFactory {
    /** What lookups find. */
    public static final Map<String, Object> BINDINGS = new ConcurrentHashMap<>();

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "lookup":
                            String name = String.valueOf(args[0]);
                            Object value = BINDINGS.get(name);
                            if (value == null) {
                                throw new NameNotFoundException(name);
                            }
                            return value;
                        case "close":
                            return null;
                        case "toString":
                            return "MapInitialContext" + BINDINGS.keySet();
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
