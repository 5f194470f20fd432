package dev.attest.e2e.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every system test the same running platform ({@link LocalStack}): the first test class that asks
 * starts it, and it is stopped once, when the whole test run ends (JUnit closes what its root store holds),
 * so the platform starts once per run, not once per test class.
 */
final class TheStack implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TheStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        LocalStack.class,
                        key -> {
                            try {
                                return LocalStack.start();
                            } catch (Exception e) {
                                throw new IllegalStateException("the platform did not start", e);
                            }
                        },
                        LocalStack.class);
    }
}
