package org.eduweek.platform.testing.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core in the page. The script is the {@code axe.min.js} that Deque's {@code com.deque.html.axe-core:selenium}
 * jar ships (from Maven Central; nothing else of that jar is used): injected with {@code executeScript}, then
 * {@code axe.run} is called through {@code executeAsyncScript} with the rules of the given tags only.
 */
public final class Axe {

    /** WCAG 2.0 A and AA, 2.1 AA and 2.2 AA: the rules every page must pass. */
    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21aa", "wcag22aa");

    private static final String RUN = """
            const tags = arguments[0];
            const done = arguments[arguments.length - 1];
            const text = (value) => (value === undefined || value === null) ? '' : String(value);
            axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
              .then((r) => done({
                ok: true,
                violations: r.violations.map((v) => ({
                  id: v.id, impact: text(v.impact), help: text(v.help), helpUrl: text(v.helpUrl),
                  nodes: v.nodes.map((n) => ({
                    target: n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : String(t)),
                    html: text(n.html), summary: text(n.failureSummary) })) })),
                incomplete: r.incomplete.length,
                passes: r.passes.length }))
              .catch((e) => done({ ok: false, error: text(e && (e.stack || e.message) || e) }));
            """;

    private static volatile String source;

    private Axe() {
    }

    /** Runs axe-core with {@link #WCAG_TAGS} on the page the driver shows. */
    public static AxeReport run(WebDriver driver) {
        return run(driver, WCAG_TAGS);
    }

    @SuppressWarnings("unchecked")
    public static AxeReport run(WebDriver driver, List<String> tags) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(RUN, tags);
        if (result == null || !Boolean.TRUE.equals(result.get("ok"))) {
            throw new IllegalStateException("axe.run failed on " + driver.getCurrentUrl() + ": "
                    + (result == null ? "no result" : result.get("error")));
        }
        List<AxeViolation> violations = ((List<Map<String, Object>>) result.get("violations")).stream()
                .map(Axe::violation).toList();
        return new AxeReport(driver.getCurrentUrl(), List.copyOf(tags), violations,
                ((Number) result.get("incomplete")).intValue(), ((Number) result.get("passes")).intValue());
    }

    @SuppressWarnings("unchecked")
    private static AxeViolation violation(Map<String, Object> v) {
        List<AxeViolation.Node> nodes = ((List<Map<String, Object>>) v.get("nodes")).stream()
                .map(n -> new AxeViolation.Node(List.copyOf((List<String>) n.get("target")), (String) n.get("html"),
                        (String) n.get("summary")))
                .toList();
        return new AxeViolation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                (String) v.get("helpUrl"), nodes);
    }

    /** The axe-core script from the classpath, read once. */
    static String source() {
        String script = source;
        if (script == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the classpath: add the test dependency "
                            + "com.deque.html.axe-core:selenium (it ships the script)");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                source = script;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
