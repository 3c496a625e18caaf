package io.vettify.platform.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: {@code @ExtendWith(LocalPlatformExtension.class)} starts the local platform before the class's tests (once
 * per JVM, see {@link LocalPlatform#ensureUp()}) and resolves {@link KubernetesClient} parameters — of constructors,
 * lifecycle methods and tests — to the shared client for it (do not close it).
 */
public final class LocalPlatformExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalPlatform.ensureUp();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == KubernetesClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return LocalPlatform.client();
    }
}
