package org.eduweek.platform.testing.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.opentest4j.AssertionFailedError;

/**
 * One headless Chromium at one {@link ViewportSize}, with a fresh profile (so an empty cache), driven by Selenium
 * through Debian's ChromeDriver. It keeps what the checks need: the browser's console errors, screenshots under a
 * folder of its owner's choosing, the transfer of a cold page load, and axe-core's verdict. Close it when done (the
 * profile folder is deleted).
 */
public final class Browser implements AutoCloseable {

    /** Flags that keep headless Chromium working in a container without a network of its own. */
    static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--disable-features=Translate,OptimizationHints,MediaRouter",
            "--hide-scrollbars");

    private static final String PHONE_USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36";

    /**
     * Counts fetch (until its headers) and XHR requests still running, so {@link #waitForQuiet()} can wait for a
     * page's own API calls; a body still arriving shows as a resource entry still to come.
     */
    private static final String PENDING_REQUESTS = """
            (() => {
              let pending = 0;
              Object.defineProperty(window, '__eduweekPending', { get: () => pending });
              const fetch = window.fetch;
              window.fetch = function (...args) {
                pending++;
                return fetch.apply(this, args).finally(() => pending--);
              };
              const send = XMLHttpRequest.prototype.send;
              XMLHttpRequest.prototype.send = function (...args) {
                pending++;
                this.addEventListener('loadend', () => pending--, { once: true });
                return send.apply(this, args);
              };
            })();
            """;

    private static final String QUIET = """
            return [document.readyState, window.__eduweekPending || 0,
                    performance.getEntriesByType('resource').length];
            """;

    private static final String ENTRIES = """
            return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
              .map((e) => ({ url: e.name, initiator: e.initiatorType || 'navigation',
                             transfer: e.transferSize || 0, encoded: e.encodedBodySize || 0,
                             decoded: e.decodedBodySize || 0 }));
            """;

    /**
     * Selenium looks for a CDP binding matching the browser's version and warns when it has none; the harness sends
     * its few CDP commands through ChromeDriver and needs no binding. Held here so the level is not lost to GC.
     */
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final ViewportSize size;
    private final Path screenshots;
    private final Path profile;
    private final List<String> consoleErrors = new ArrayList<>();

    private Browser(ChromeDriver driver, ViewportSize size, Path screenshots, Path profile) {
        this.driver = driver;
        this.size = size;
        this.screenshots = screenshots;
        this.profile = profile;
    }

    /** Starts a browser in English ({@code en-US}). */
    public static Browser start(Chromium chromium, ViewportSize size, Path screenshots) {
        return start(chromium, size, screenshots, "en-US");
    }

    /**
     * Starts a browser.
     *
     * @param screenshots the folder screenshots are written to
     * @param language    the browser's language ({@code navigator.language}, {@code Accept-Language}), e.g.
     *                    {@code zh-CN}
     */
    public static Browser start(Chromium chromium, ViewportSize size, Path screenshots, String language) {
        return start(chromium, size, screenshots, language, List.of());
    }

    /**
     * Starts a browser with more command-line switches after the harness's own, e.g. Chromium's fake camera
     * ({@code --use-fake-device-for-media-stream}, {@code --use-fake-ui-for-media-stream},
     * {@code --use-file-for-fake-video-capture=<file.y4m>}).
     */
    public static Browser start(Chromium chromium, ViewportSize size, Path screenshots, String language,
            List<String> extraArguments) {
        Path profile;
        try {
            profile = Files.createTempDirectory("eduweek-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.browser().toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile, "--lang=" + language,
                "--window-size=" + size.width() + "," + size.height());
        options.addArguments(extraArguments);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        if (size.mobile()) {
            Map<String, Object> metrics = new HashMap<>();
            metrics.put("width", size.width());
            metrics.put("height", size.height());
            metrics.put("pixelRatio", size.pixelRatio());
            metrics.put("touch", true);
            metrics.put("mobile", true);
            options.setExperimentalOption("mobileEmulation",
                    Map.of("deviceMetrics", metrics, "userAgent", PHONE_USER_AGENT));
        }
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
        if (!size.mobile()) {
            // --window-size is the outer window: grow it by the browser's own frame so the viewport has the size
            List<?> frame = (List<?>) driver.executeScript(
                    "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];");
            driver.manage().window().setSize(new Dimension(size.width() + ((Number) frame.get(0)).intValue(),
                    size.height() + ((Number) frame.get(1)).intValue()));
        }
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PENDING_REQUESTS));
        return new Browser(driver, size, screenshots, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public ViewportSize size() {
        return size;
    }

    /** Opens a URL and waits until the page and its own requests are done ({@link #waitForQuiet()}). */
    public Browser load(String url) {
        driver.get(url);
        waitForQuiet();
        return this;
    }

    /**
     * Waits until the document is loaded, no fetch or XHR is running, and no response has completed for half a
     * second (at most 20 s).
     */
    public void waitForQuiet() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long resources = -1;
        long changed = System.nanoTime();
        while (true) {
            List<?> state = (List<?>) driver.executeScript(QUIET);
            long now = System.nanoTime();
            long count = ((Number) state.get(2)).longValue();
            if (count != resources) {
                resources = count;
                changed = now;
            }
            if ("complete".equals(state.get(0)) && ((Number) state.get(1)).longValue() == 0
                    && now - changed >= Duration.ofMillis(500).toNanos()) {
                return;
            }
            if (now > deadline) {
                throw new AssertionFailedError("The page " + driver.getCurrentUrl() + " did not settle in 20 s: "
                        + state);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Runs the browser's constraint validation on every form control of the page, as typing or submitting would:
     * a broken {@code pattern} shows in the console only then.
     *
     * @return how many controls are invalid now (a required field left empty counts)
     */
    public int validateForms() {
        return ((Number) driver.executeScript("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter((c) => !c.checkValidity()).length;
                """)).intValue();
    }

    /**
     * The browser's console errors so far (log level SEVERE: {@code console.error}, uncaught exceptions, failed
     * loads, invalid markup the browser reports, CSP violations), with their source.
     */
    public List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        return List.copyOf(consoleErrors);
    }

    /** Fails, listing them, if the console has errors. */
    public void assertNoConsoleErrors() {
        List<String> errors = consoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionFailedError(size.label() + ": " + errors.size() + " console error(s) on "
                    + driver.getCurrentUrl() + ":\n  " + String.join("\n  ", errors));
        }
    }

    /**
     * What the current page transferred since it was opened: its document and every resource it loaded. On a
     * browser just started this is a cold load.
     */
    @SuppressWarnings("unchecked")
    public PageTransfer transfer() {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) driver.executeScript(ENTRIES);
        if (entries.size() > 250) {
            throw new IllegalStateException("more than 250 resources: the browser's timing buffer may have dropped some");
        }
        return new PageTransfer(driver.getCurrentUrl(), entries.stream()
                .map(e -> new PageTransfer.Response((String) e.get("url"), (String) e.get("initiator"),
                        ((Number) e.get("transfer")).longValue(), ((Number) e.get("encoded")).longValue(),
                        ((Number) e.get("decoded")).longValue()))
                .toList());
    }

    /** axe-core with the WCAG 2.0/2.1/2.2 A and AA tags on the current page. */
    public AxeReport axe() {
        return Axe.run(driver);
    }

    /** Fails with axe-core's readable list (rule id, impact, selectors) if the page has a violation. */
    public AxeReport assertAccessible() {
        AxeReport report = axe();
        if (!report.clean()) {
            throw new AssertionFailedError(size.label() + ": " + report.describe());
        }
        return report;
    }

    /**
     * What the viewport shows, at the device's resolution (a phone's is 3 image pixels per CSS pixel), saved as
     * {@code <name>-<size>.png} in the screenshot folder.
     */
    public Path screenshot(String name) {
        return write(name + "-" + size.label() + ".png", driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The whole page (at most 16,000 CSS pixels high) at one image pixel per CSS pixel, saved as
     * {@code <name>-<size>-full.png} in the screenshot folder.
     */
    @SuppressWarnings("unchecked")
    public Path fullPageScreenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 16_000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1 / size.pixelRatio())));
        return write(name + "-" + size.label() + "-full.png", Base64.getDecoder().decode((String) shot.get("data")));
    }

    private Path write(String file, byte[] png) {
        try {
            Files.createDirectories(screenshots);
            return Files.write(screenshots.resolve(file), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }
}
