package dev.orgpulse.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

/**
 * What a manifest has to agree with, read from one service's code: its ports (application.properties), the
 * management interface's health paths, its image, and every configuration name it reads — the keys of its
 * application.properties (any profile) and the properties of its {@code @ConfigMapping} interfaces.
 */
enum ServiceCode {
    INGEST("ingest-service", "ingest"),
    PROJECTOR("projector-service", "projector"),
    QUERY("query-service", "query");

    /** Quarkus's default health paths under the management root; no service moves them. */
    static final String LIVENESS = "/health/live";
    static final String READINESS = "/health/ready";
    static final String STARTUP = "/health/started";
    static final String METRICS = "/metrics";

    final String module;
    /** The Deployment, Service and container name in deploy/k8s, the service name in deploy/compose. */
    final String name;
    private Properties properties;
    private Set<String> environmentNames;

    ServiceCode(String module, String name) {
        this.module = module;
        this.name = name;
    }

    /** The image the images profile builds for this service, without registry. */
    String image() {
        return "orgpulse/" + name + ":" + Repository.version();
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port"));
    }

    int managementPort() {
        if (!Boolean.parseBoolean(property("quarkus.management.enabled"))) {
            throw new AssertionError(module + " does not enable the management interface");
        }
        return Integer.parseInt(property("quarkus.management.port"));
    }

    /** A path on the management interface: its root ({@code /q} unless moved) followed by {@code path}. */
    String managementPath(String path) {
        return properties().getProperty("quarkus.management.root-path", "/q") + path;
    }

    /** Whether setting the environment variable {@code name} reaches a configuration name this service reads. */
    boolean reads(String name) {
        if (environmentNames == null) {
            Set<String> names = new TreeSet<>();
            properties().stringPropertyNames().forEach(key -> names.add(environmentName(withoutProfile(key))));
            configMappings().forEach(mapping -> collectMappingNames(mapping,
                    mapping.getAnnotation(ConfigMapping.class).prefix(), names));
            environmentNames = names;
        }
        return environmentNames.contains(name);
    }

    private String property(String key) {
        String value = properties().getProperty(key);
        if (value == null) {
            throw new AssertionError(module + "/src/main/resources/application.properties does not set " + key);
        }
        return value;
    }

    private Properties properties() {
        if (properties == null) {
            Properties loaded = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    Repository.path(module).resolve("src/main/resources/application.properties"))) {
                loaded.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties = loaded;
        }
        return properties;
    }

    private static String withoutProfile(String key) {
        return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
    }

    /** SmallRye Config's environment form: every character but letters and digits becomes {@code _}, upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private Stream<Class<?>> configMappings() {
        Path classes = Repository.path(module).resolve("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(ServiceCode::load)
                    .filter(type -> type.isAnnotationPresent(ConfigMapping.class))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(module + " is not compiled", e);
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, ServiceCode.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is compiled but not on the classpath", e);
        }
    }

    /** The property names of a mapping interface, nested groups included (SmallRye's kebab-case naming). */
    private static void collectMappingNames(Class<?> mapping, String prefix, Set<String> names) {
        for (Method method : mapping.getMethods()) {
            if (method.getParameterCount() != 0 || method.isDefault()) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (method.isAnnotationPresent(WithName.class)
                            ? method.getAnnotation(WithName.class).value() : kebab(method.getName()));
            Class<?> group = group(method.getGenericReturnType());
            if (group != null) {
                collectMappingNames(group, name, names);
            } else {
                names.add(environmentName(name));
            }
        }
    }

    /** The nested config group a method returns (directly or in an Optional), else null. */
    private static Class<?> group(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == java.util.Optional.class) {
            return group(parameterized.getActualTypeArguments()[0]);
        }
        return type instanceof Class<?> plain && plain.isInterface() && !plain.getName().startsWith("java.")
                ? plain : null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
