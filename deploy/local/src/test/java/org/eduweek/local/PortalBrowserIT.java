package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.eduweek.platform.testing.browser.Browser;
import org.eduweek.platform.testing.browser.BrowserExtension;
import org.eduweek.platform.testing.browser.Browsers;
import org.eduweek.platform.testing.browser.PageTransfer;
import org.eduweek.platform.testing.browser.ViewportSize;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The portal in a real browser (headless Chromium through Selenium, {@code platform-test}'s browser harness), served
 * by the gateway of the platform the end-to-end tests share: the signed-out home page at phone and desktop size
 * shows the programme, logs no console error, passes axe-core's WCAG 2.x A/AA rules, and transfers at most 150 KB on
 * a cold load. Screenshots: {@code deploy/local/target/screenshots/PortalBrowserIT/}. Runs first, on the programme as
 * seeded, before the other end-to-end tests add sessions.
 */
@ExtendWith({BrowserExtension.class, SharedPlatform.Extension.class})
@Order(0)
class PortalBrowserIT {

    /** The most a cold load of the signed-out home page may transfer, responses' headers included. */
    static final long HOME_BUDGET_BYTES = 150 * 1024;

    @Test
    void homePageSignedOutAtPhoneAndDesktopSize(SharedPlatform shared, Browsers browsers) {
        String home = shared.platform().gatewayUrl() + "/";
        for (ViewportSize size : List.of(ViewportSize.PHONE, ViewportSize.DESKTOP)) {
            long started = System.nanoTime();
            Browser browser = browsers.open(size).load(home);
            waitForProgramme(browser);
            browser.screenshot("home");
            browser.fullPageScreenshot("home");

            PageTransfer transfer = browser.transfer();
            System.out.printf(Locale.ROOT, "[browser] %s cold load of %s: %.1f KB (budget %d KB), %d ms with checks%n%s%n",
                    size.label(), home, transfer.kilobytes(), HOME_BUDGET_BYTES / 1024,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), transfer.describe());

            browser.validateForms(); // what typing in the sign-in box does: a broken pattern shows only then
            browser.assertNoConsoleErrors();
            browser.assertAccessible();
            assertThat(transfer.bytes()).as(transfer.describe()).isLessThanOrEqualTo(HOME_BUDGET_BYTES);
            // one h1: the edition's name
            assertThat(browser.driver().findElements(By.tagName("h1"))).singleElement()
                    .satisfies(h1 -> assertThat(h1.getText()).startsWith("International Education Week"));
        }
    }

    /**
     * The programme has loaded: its results line is written (session cards, or, for the seeded 2020 week that is
     * over, the notice offering its past sessions), not the loading line or an error.
     */
    private static void waitForProgramme(Browser browser) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (browser.driver().findElements(By.cssSelector("main .results")).stream()
                .allMatch(results -> results.getText().isBlank())) {
            assertThat(System.nanoTime()).as("the programme did not load: %s",
                    browser.driver().findElement(By.id("main")).getText()).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(browser.driver().findElements(By.cssSelector("main .days .card h3, main .days .notice")))
                .as("session cards or the past-edition notice").isNotEmpty();
        browser.waitForQuiet();
    }
}
