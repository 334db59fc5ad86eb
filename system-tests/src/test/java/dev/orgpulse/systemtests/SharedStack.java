package dev.orgpulse.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test class that asks for a {@link SystemStack} parameter (in a {@code @BeforeAll} method) the same one:
 * started for the first, kept in the root context's store, and closed by JUnit when all test classes have run.
 * Starting three services takes the best part of a minute; once is enough.
 */
final class SharedStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SystemStack.class;
    }

    @Override
    public SystemStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SystemStack.class, key -> {
            try {
                return SystemStack.start();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the system under test", e);
            }
        }, SystemStack.class);
    }
}
