package org.eduweek.platform.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without a browser a test is skipped naming the Debian packages, or fails when CI=true. */
class ChromiumTest {

    private static final Optional<Path> BROWSER = Optional.of(Path.of("/usr/bin/chromium"));
    private static final Optional<Path> DRIVER = Optional.of(Path.of("/usr/bin/chromedriver"));

    @Test
    void bothFoundAreUsed() {
        assertThat(Chromium.require(BROWSER, DRIVER, "true"))
                .isEqualTo(new Chromium(BROWSER.get(), DRIVER.get()));
    }

    @Test
    void missingBrowserSkipsNamingThePackages() {
        assertThatThrownBy(() -> Chromium.require(Optional.empty(), DRIVER, null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("needs Chromium,")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
        assertThatThrownBy(() -> Chromium.require(BROWSER, Optional.empty(), "false"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("needs ChromeDriver,");
    }

    @Test
    void missingBrowserFailsOnCi() {
        assertThatThrownBy(() -> Chromium.require(Optional.empty(), Optional.empty(), "true"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("needs Chromium and ChromeDriver")
                .hasMessageContaining("chromium chromium-driver")
                .hasMessageContaining("CI=true");
    }
}
