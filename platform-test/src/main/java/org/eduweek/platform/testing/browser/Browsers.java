package org.eduweek.platform.testing.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The browsers one test opens, all closed after it; given to test methods by {@link BrowserExtension}. Screenshots
 * go to {@code target/screenshots/<test class>/} of the module the test runs in.
 */
public final class Browsers implements AutoCloseable {

    private final Chromium chromium;
    private final Path screenshots;
    private final List<Browser> open = new ArrayList<>();

    Browsers(Chromium chromium, Path screenshots) {
        this.chromium = chromium;
        this.screenshots = screenshots;
    }

    /** A new browser (fresh profile, English) at this size. */
    public Browser open(ViewportSize size) {
        return open(size, "en-US");
    }

    /** A new browser (fresh profile) at this size, in this language, e.g. {@code zh-CN}. */
    public Browser open(ViewportSize size, String language) {
        return open(size, language, List.of());
    }

    /** A new browser (fresh profile) at this size and language, with more Chromium switches (see {@link Browser}). */
    public Browser open(ViewportSize size, String language, List<String> extraArguments) {
        Browser browser = Browser.start(chromium, size, screenshots, language, extraArguments);
        open.add(browser);
        return browser;
    }

    public Path screenshotFolder() {
        return screenshots;
    }

    /** A screenshot of every browser still open, named {@code <name>-<size>.png}; failures to take one are ignored. */
    void screenshotAll(String name) {
        for (Browser browser : open) {
            try {
                browser.screenshot(name);
            } catch (RuntimeException e) {
                // the browser may be the thing that failed
            }
        }
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Browser browser : open) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
