package com.kameleoon.internal.cookie;

import com.kameleoon.CookieJar;
import com.kameleoon.logging.KameleoonLogger;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cookies of a servlet exchange given as plain objects: a {@code jakarta.servlet} or {@code javax.servlet}
 * {@code HttpServletRequest} and {@code HttpServletResponse}, as the official SDK's
 * {@code getVisitorCode(request, response)} takes them. Core has no servlet API on its class path (a user without
 * one must still compile calls such as {@code getVisitorCode(cookieJar)}), so the few methods needed are found
 * once per class on the servlet interface the object implements and called through method handles.
 *
 * <p>Reads give a cookie already written to the response in this exchange first (also by an earlier call), then
 * the request's {@code Cookie} headers; a cookie written twice by this jar keeps one {@code Set-Cookie} header. On
 * a secure request the header gets {@code Secure}. Used by one thread at a time; the handle cache is thread-safe.
 */
public final class ServletExchangeCookies implements CookieJar {
    private static final String SET_COOKIE = "Set-Cookie";
    private static final String REQUEST_INTERFACE = "servlet.http.HttpServletRequest";
    private static final String RESPONSE_INTERFACE = "servlet.http.HttpServletResponse";
    // ClassValue rather than a map: a wrapper class of an undeployed web application must not be kept alive.
    private static final ClassValue<Handles> REQUEST_HANDLES = new ClassValue<>() {
        @Override
        protected Handles computeValue(Class<?> type) {
            return Handles.find(type, REQUEST_INTERFACE, "request");
        }
    };
    private static final ClassValue<Handles> RESPONSE_HANDLES = new ClassValue<>() {
        @Override
        protected Handles computeValue(Class<?> type) {
            return Handles.find(type, RESPONSE_INTERFACE, "response");
        }
    };

    private final Object request;
    private final Object response;
    private final Handles requestHandles;
    private final Handles responseHandles;
    private final Map<String, String> written = new HashMap<>(4);

    private ServletExchangeCookies(Object request, Object response) {
        this.request = request;
        this.response = response;
        this.requestHandles = request == null ? null : REQUEST_HANDLES.get(request.getClass());
        this.responseHandles = response == null ? null : RESPONSE_HANDLES.get(response.getClass());
    }

    /**
     * @param request a jakarta or javax {@code HttpServletRequest}, or null when only writing
     * @param response a jakarta or javax {@code HttpServletResponse}, or null when only reading
     * @return the exchange's cookies
     * @throws IllegalArgumentException when an object is not of the servlet type its position asks for
     */
    public static ServletExchangeCookies of(Object request, Object response) {
        return new ServletExchangeCookies(request, response);
    }

    @Override
    public String get(String name) {
        String value = written.get(name);
        if (value != null) {
            return value;
        }
        if (response != null) {
            value = fromSetCookie(name);
            if (value != null) {
                return value;
            }
        }
        if (request == null) {
            return null;
        }
        Enumeration<?> headers = (Enumeration<?>) call(requestHandles.headers, request, "Cookie");
        while (headers != null && headers.hasMoreElements()) {
            String found = valueIn(String.valueOf(headers.nextElement()), name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    public void set(String name, String value, String setCookieHeader) {
        if (response == null) {
            return;
        }
        if ((Boolean) call(responseHandles.committed, response)) {
            KameleoonLogger.warning("the " + name + " cookie cannot be written: the response is already committed");
            return;
        }
        boolean secure = request != null && (Boolean) call(requestHandles.secure, request);
        String header = secure && !setCookieHeader.toLowerCase().contains("; secure")
                ? setCookieHeader + "; Secure" : setCookieHeader;
        if (written.put(name, value) != null || fromSetCookie(name) != null) {
            replace(name, header);
        } else {
            call(responseHandles.addHeader, response, SET_COOKIE, header);
        }
    }

    private String fromSetCookie(String name) {
        Collection<?> headers = (Collection<?>) call(responseHandles.headers, response, SET_COOKIE);
        String found = null;
        for (Object header : headers) {
            String text = String.valueOf(header);
            if (text.startsWith(name + "=")) {
                int end = text.indexOf(';');
                found = text.substring(name.length() + 1, end < 0 ? text.length() : end).trim();
            }
        }
        return found;
    }

    private void replace(String name, String header) {
        List<String> kept = new ArrayList<>();
        for (Object existing : (Collection<?>) call(responseHandles.headers, response, SET_COOKIE)) {
            if (!String.valueOf(existing).startsWith(name + "=")) {
                kept.add(String.valueOf(existing));
            }
        }
        call(responseHandles.setHeader, response, SET_COOKIE, header);
        for (String other : kept) {
            call(responseHandles.addHeader, response, SET_COOKIE, other);
        }
    }

    private static String valueIn(String cookieHeader, String name) {
        for (String pair : cookieHeader.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                return pair.substring(eq + 1).trim();
            }
        }
        return null;
    }

    private static Object call(MethodHandle handle, Object target, Object... arguments) {
        try {
            Object[] all = new Object[arguments.length + 1];
            all[0] = target;
            System.arraycopy(arguments, 0, all, 1, arguments.length);
            return handle.invokeWithArguments(all);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("servlet call failed: " + e, e);
        }
    }

    /** The handles of one request or response class, looked up on its public servlet interface. */
    private static final class Handles {
        private final MethodHandle headers;
        private final MethodHandle secure;
        private final MethodHandle committed;
        private final MethodHandle addHeader;
        private final MethodHandle setHeader;

        private Handles(MethodHandle headers, MethodHandle secure, MethodHandle committed, MethodHandle addHeader,
                MethodHandle setHeader) {
            this.headers = headers;
            this.secure = secure;
            this.committed = committed;
            this.addHeader = addHeader;
            this.setHeader = setHeader;
        }

        static Handles find(Class<?> type, String interfaceSuffix, String role) {
            Class<?> api = servletInterface(type, interfaceSuffix);
            if (api == null) {
                throw new IllegalArgumentException("the " + role + " must be a jakarta.servlet or javax.servlet Http"
                        + (role.equals("request") ? "ServletRequest" : "ServletResponse") + ", got " + type.getName());
            }
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                if (role.equals("request")) {
                    return new Handles(
                            lookup.findVirtual(api, "getHeaders", MethodType.methodType(Enumeration.class, String.class)),
                            lookup.findVirtual(api, "isSecure", MethodType.methodType(boolean.class)),
                            null, null, null);
                }
                return new Handles(
                        lookup.findVirtual(api, "getHeaders", MethodType.methodType(Collection.class, String.class)),
                        null,
                        lookup.findVirtual(api, "isCommitted", MethodType.methodType(boolean.class)),
                        lookup.findVirtual(api, "addHeader",
                                MethodType.methodType(void.class, String.class, String.class)),
                        lookup.findVirtual(api, "setHeader",
                                MethodType.methodType(void.class, String.class, String.class)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("the " + role + " type " + api.getName()
                        + " lacks a method of Servlet 3.0 or later: " + e.getMessage(), e);
            }
        }

        /** Breadth-first over super classes and interfaces, so wrappers and container facades are found too. */
        private static Class<?> servletInterface(Class<?> type, String suffix) {
            Deque<Class<?>> queue = new ArrayDeque<>();
            queue.add(type);
            while (!queue.isEmpty()) {
                Class<?> next = queue.poll();
                if (next.isInterface() && (next.getName().equals("jakarta." + suffix)
                        || next.getName().equals("javax." + suffix))) {
                    return next;
                }
                if (next.getSuperclass() != null) {
                    queue.add(next.getSuperclass());
                }
                queue.addAll(List.of(next.getInterfaces()));
            }
            return null;
        }
    }
}
