package org.eduweek.platform.testing.browser;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Browser tests: {@code @ExtendWith(BrowserExtension.class)} on the class, a {@link Browsers} parameter on the test
 * method. Before the class it finds Chromium and ChromeDriver ({@link Chromium#require()}: skipped with a message
 * naming the Debian packages where they are missing, failed instead with {@code CI=true}); after each test it
 * screenshots the browsers still open if the test failed ({@code failed-<method>-<size>.png}) and closes them.
 * Screenshots go to {@code target/screenshots/<test class simple name>/} (the system property
 * {@code eduweek.screenshots} moves the root).
 */
public final class BrowserExtension implements BeforeAllCallback, ParameterResolver, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Chromium.class, Chromium.require());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Chromium chromium = context.getStore(NAMESPACE).get(Chromium.class, Chromium.class);
        if (chromium == null) {
            chromium = Chromium.require();
        }
        Browsers browsers = new Browsers(chromium, screenshotFolder(context));
        context.getStore(NAMESPACE).put(Browsers.class, browsers);
        return browsers;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browsers browsers = context.getStore(NAMESPACE).remove(Browsers.class, Browsers.class);
        if (browsers == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                browsers.screenshotAll("failed-" + context.getRequiredTestMethod().getName());
            }
        } finally {
            browsers.close();
        }
    }

    /** {@code target/screenshots/<test class simple name>} of the module under test. */
    public static Path screenshotFolder(ExtensionContext context) {
        return Path.of(System.getProperty("eduweek.screenshots", "target/screenshots"))
                .resolve(context.getRequiredTestClass().getSimpleName());
    }
}
