package dev.orgpulse.deploy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML into typed models and refuses what the models do not know. Our own records fail on an unknown field
 * (Jackson's {@code FAIL_ON_UNKNOWN_PROPERTIES}); the Fabric8 and Strimzi models keep unknown fields in
 * {@code additionalProperties} instead, so every object they produce is walked and any such field is an error.
 */
final class StrictYaml {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private StrictYaml() {
    }

    /** Every document of a (multi-document) YAML file, empty documents left out. */
    static List<JsonNode> documents(Path file) {
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            values.forEachRemaining(document -> {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new AssertionError(file + " is not YAML: " + e.getMessage(), e);
        }
    }

    /** One YAML document as {@code type}; an unknown field anywhere fails, naming the file and the field's path. */
    static <T> T read(JsonNode document, Class<T> type, String where) {
        T model;
        try {
            model = YAML.treeToValue(document, type);
        } catch (IOException e) {
            throw new AssertionError(where + ": not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(model, "", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!unknown.isEmpty()) {
            throw new AssertionError(where + ": fields " + type.getSimpleName() + " does not have: " + unknown);
        }
        return model;
    }

    private static void collectUnknownFields(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown, seen));
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknownFields(list.get(i), path + "[" + i + "]", unknown, seen);
            }
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(field -> unknown.add(path + "." + field));
                }
            } else {
                collectUnknownFields(property, path + "." + propertyName(getter), unknown, seen);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
