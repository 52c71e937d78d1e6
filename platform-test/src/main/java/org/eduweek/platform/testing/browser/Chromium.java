package org.eduweek.platform.testing.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * The Chromium browser and its ChromeDriver as installed by Debian's {@code chromium} and {@code chromium-driver}
 * packages: {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, else the first {@code chromium},
 * {@code chromium-browser} / {@code chromedriver} on the {@code PATH}. Both paths are always given to Selenium, so
 * Selenium Manager never looks for (or downloads) a browser or driver of its own.
 */
public record Chromium(Path browser, Path driver) {

    /** The packages that provide both binaries, named in the skip and failure messages. */
    public static final String PACKAGES = "chromium chromium-driver";

    private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser");
    private static final List<String> DRIVER_NAMES = List.of("chromedriver");

    /** Chromium and ChromeDriver where both are installed. */
    public static Optional<Chromium> find() {
        Optional<Path> browser = locate(BROWSER_NAMES);
        Optional<Path> driver = locate(DRIVER_NAMES);
        return browser.isPresent() && driver.isPresent()
                ? Optional.of(new Chromium(browser.get(), driver.get()))
                : Optional.empty();
    }

    /**
     * Chromium and ChromeDriver, or else the calling test is skipped (a JUnit assumption) with a message naming the
     * Debian packages; with the environment variable {@code CI=true} a missing browser fails the test instead, so a
     * CI run cannot pass without its browser tests.
     */
    public static Chromium require() {
        return require(locate(BROWSER_NAMES), locate(DRIVER_NAMES), System.getenv("CI"));
    }

    static Chromium require(Optional<Path> browser, Optional<Path> driver, String ci) {
        if (browser.isPresent() && driver.isPresent()) {
            return new Chromium(browser.get(), driver.get());
        }
        String missing = browser.isEmpty() && driver.isEmpty() ? "Chromium and ChromeDriver"
                : browser.isEmpty() ? "Chromium" : "ChromeDriver";
        String message = "Browser test needs " + missing + ", not found in /usr/bin or on the PATH: install the "
                + "Debian packages `" + PACKAGES + "` (apt-get install -y " + PACKAGES + ")";
        if ("true".equalsIgnoreCase(ci)) {
            throw new AssertionFailedError(message + " [CI=true: a missing browser fails the run]");
        }
        Assumptions.abort(message + " [skipped; with CI=true this fails]");
        throw new IllegalStateException("unreachable");
    }

    private static Optional<Path> locate(List<String> names) {
        for (String name : names) {
            Path standard = Path.of("/usr/bin", name);
            if (Files.isExecutable(standard)) {
                return Optional.of(standard);
            }
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name));
                }
            }
        }
        return Optional.empty();
    }
}
