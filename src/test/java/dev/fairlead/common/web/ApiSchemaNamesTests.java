package dev.fairlead.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI document names each schema after its class's simple name (or its {@code @Schema(name)}):
 * two different types the API reads or writes under one name would silently become one schema in
 * {@code /v3/api-docs}, and a generated client would send and expect the wrong fields.
 */
class ApiSchemaNamesTests {

    @Test
    void everyTypeTheApiReadsOrWritesHasASchemaNameOfItsOwn() throws ClassNotFoundException {
        Map<String, Set<String>> classesByName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> controller : restControllers()) {
            for (Method method : controller.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    continue;
                }
                walk(method.getGenericReturnType(), seen, classesByName);
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        walk(parameter.getParameterizedType(), seen, classesByName);
                    }
                }
            }
        }
        List<String> clashes = new ArrayList<>();
        classesByName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                clashes.add(name + " ← " + classes);
            }
        });
        assertThat(seen).as("types reached from the REST controllers").hasSizeGreaterThan(100);
        assertThat(clashes)
                .as("schema names shared by different types (give one a @Schema(name = \"…\") of its own)")
                .isEmpty();
    }

    private static List<Class<?>> restControllers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Class<?>> controllers = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.fairlead")) {
            controllers.add(ClassUtils.forName(candidate.getBeanClassName(), ApiSchemaNamesTests.class.getClassLoader()));
        }
        return controllers;
    }

    private static void walk(Type type, Set<Class<?>> seen, Map<String, Set<String>> classesByName) {
        if (type instanceof ParameterizedType parameterized) {
            walk(parameterized.getRawType(), seen, classesByName);
            for (Type argument : parameterized.getActualTypeArguments()) {
                walk(argument, seen, classesByName);
            }
        } else if (type instanceof GenericArrayType array) {
            walk(array.getGenericComponentType(), seen, classesByName);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                walk(bound, seen, classesByName);
            }
        } else if (type instanceof Class<?> cls) {
            if (cls.isArray()) {
                walk(cls.getComponentType(), seen, classesByName);
                return;
            }
            // enums are written inline (not as named schemas), so only records and classes can clash
            if (!cls.getName().startsWith("dev.fairlead.") || cls.isEnum() || !seen.add(cls)) {
                return;
            }
            classesByName.computeIfAbsent(schemaName(cls), k -> new TreeSet<>()).add(cls.getName());
            if (cls.isRecord()) {
                for (RecordComponent component : cls.getRecordComponents()) {
                    walk(component.getGenericType(), seen, classesByName);
                }
            }
            for (Class<?> permitted : cls.isSealed() ? cls.getPermittedSubclasses() : new Class<?>[0]) {
                walk(permitted, seen, classesByName);
            }
        }
    }

    private static String schemaName(Class<?> cls) {
        Schema schema = cls.getAnnotation(Schema.class);
        return schema != null && !schema.name().isBlank() ? schema.name() : cls.getSimpleName();
    }
}
