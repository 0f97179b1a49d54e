package com.kameleoon.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@link KameleoonDataFile} member of a test class (or, for a {@code @Nested} class, of the nearest
 * enclosing class that has one) and reads it. Stateless.
 */
final class DataFileSource {
    private DataFileSource() {
    }

    /**
     * @return the declared datafile, or one without flags when no class declares one
     * @throws IllegalStateException when the member is not static, has the wrong type, or there are several
     */
    static TestDataFile find(Class<?> testClass) throws IllegalAccessException {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            List<Member> members = annotated(c);
            if (members.size() > 1) {
                throw new IllegalStateException(c.getName() + " has " + members.size()
                        + " @KameleoonDataFile members; keep one: " + members);
            }
            if (members.size() == 1) {
                return read(members.get(0));
            }
        }
        return TestDataFile.builder().build();
    }

    private static List<Member> annotated(Class<?> c) {
        List<Member> members = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field field : k.getDeclaredFields()) {
                if (field.isAnnotationPresent(KameleoonDataFile.class)) {
                    members.add(field);
                }
            }
            for (Method method : k.getDeclaredMethods()) {
                if (method.isAnnotationPresent(KameleoonDataFile.class)) {
                    members.add(method);
                }
            }
        }
        return members;
    }

    private static TestDataFile read(Member member) throws IllegalAccessException {
        if (!Modifier.isStatic(member.getModifiers())) {
            throw new IllegalStateException("@KameleoonDataFile " + member + " must be static: the datafile is "
                    + "served before the test instance is ready for it");
        }
        Object value;
        if (member instanceof Field field) {
            field.setAccessible(true);
            value = field.get(null);
        } else {
            Method method = (Method) member;
            if (method.getParameterCount() != 0) {
                throw new IllegalStateException("@KameleoonDataFile " + method + " must take no parameters");
            }
            method.setAccessible(true);
            try {
                value = method.invoke(null);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("@KameleoonDataFile " + method + " failed", cause);
            }
        }
        if (!(value instanceof TestDataFile dataFile)) {
            throw new IllegalStateException("@KameleoonDataFile " + member + " must hold a TestDataFile, not "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        return dataFile;
    }
}
