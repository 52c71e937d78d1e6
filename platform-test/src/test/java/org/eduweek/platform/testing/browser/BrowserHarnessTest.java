package org.eduweek.platform.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * The harness against pages whose faults are known, served on loopback: axe-core reports an image without alt
 * text, an input without a label and text with too little contrast (so the check is proven able to fail) and
 * passes a clean page; console errors are caught; the transfer of a cold load counts every response; screenshots
 * have the size's dimensions.
 */
@ExtendWith(BrowserExtension.class)
class BrowserHarnessTest {

    private static final int BLOB = 40_000;

    private static final String BAD = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Known violations</title></head>
            <body><main>
              <h1>Known violations</h1>
              <img id="no-alt" src="/pixel.svg">
              <form><input id="no-label" type="text" value="abc" pattern="[a-z_-]+"></form>
              <p id="low-contrast" style="color:#bbb;background:#fff">Grey on white is hard to read.</p>
              <script>
                console.error('deliberate console error');
                fetch('/blob.bin').then((r) => r.arrayBuffer());
              </script>
            </main></body></html>
            """;

    private static final String CLEAN = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>A clean page</title><link rel="icon" href="data:,"></head>
            <body><main>
              <h1>A clean page</h1>
              <img src="/pixel.svg" alt="A blue square">
              <form><label for="name">Name</label> <input id="name" type="text" autocomplete="name"></form>
              <p style="color:#1b1f24;background:#fff">Dark text on white.</p>
            </main></body></html>
            """;

    private static final String PIXEL = """
            <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#1d4e89"/></svg>
            """;

    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] blob = new byte[BLOB];
        Arrays.fill(blob, (byte) 'x');
        Map<String, Object[]> files = Map.of(
                "/bad.html", new Object[] {"text/html; charset=utf-8", BAD.getBytes(StandardCharsets.UTF_8)},
                "/clean.html", new Object[] {"text/html; charset=utf-8", CLEAN.getBytes(StandardCharsets.UTF_8)},
                "/pixel.svg", new Object[] {"image/svg+xml", PIXEL.getBytes(StandardCharsets.UTF_8)},
                "/blob.bin", new Object[] {"application/octet-stream", blob});
        server.createContext("/", exchange -> {
            Object[] file = files.get(exchange.getRequestURI().getPath());
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body = (byte[]) file[1];
                exchange.getResponseHeaders().set("Content-Type", (String) file[0]);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void reportsKnownViolationsConsoleErrorsAndEveryResponse(Browsers browsers) {
        Browser browser = browsers.open(ViewportSize.DESKTOP).load(base + "/bad.html");

        AxeReport report = browser.axe();
        assertThat(report.ruleIds()).contains("image-alt", "label", "color-contrast");
        assertThat(report.violations()).filteredOn(v -> v.id().equals("image-alt"))
                .singleElement().satisfies(v -> {
                    assertThat(v.impact()).isEqualTo("critical");
                    assertThat(v.targets()).containsExactly("#no-alt");
                });
        assertThat(report.violations()).filteredOn(v -> v.id().equals("label"))
                .flatExtracting(AxeViolation::targets).containsExactly("#no-label");
        assertThat(report.violations()).filteredOn(v -> v.id().equals("color-contrast"))
                .flatExtracting(AxeViolation::targets).containsExactly("#low-contrast");
        assertThatThrownBy(browser::assertAccessible).isInstanceOf(AssertionFailedError.class)
                .hasMessageContainingAll("image-alt [critical]", "#no-alt", "label [critical]", "#no-label",
                        "color-contrast [serious]", "#low-contrast");

        assertThat(browser.consoleErrors()).anySatisfy(e -> assertThat(e).contains("deliberate console error"))
                .noneSatisfy(e -> assertThat(e).contains("Pattern attribute"));
        assertThat(browser.validateForms()).isZero(); // a broken pattern is ignored, but reported
        assertThat(browser.consoleErrors()).anySatisfy(e -> assertThat(e).contains("Pattern attribute value [a-z_-]+"));
        assertThatThrownBy(browser::assertNoConsoleErrors).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("deliberate console error");

        PageTransfer transfer = browser.transfer();
        assertThat(transfer.responses()).extracting(PageTransfer.Response::url)
                .contains(base + "/bad.html", base + "/pixel.svg", base + "/blob.bin");
        long page = BAD.getBytes(StandardCharsets.UTF_8).length;
        long pixel = PIXEL.getBytes(StandardCharsets.UTF_8).length;
        assertThat(transfer.encodedBytes()).isGreaterThanOrEqualTo(page + pixel + BLOB);
        assertThat(transfer.bytes()).isGreaterThan(transfer.encodedBytes()) // headers count too
                .isLessThan(page + pixel + BLOB + 4_000);
    }

    @Test
    void passesACleanPageAtPhoneAndDesktopSize(Browsers browsers) throws IOException {
        for (ViewportSize size : List.of(ViewportSize.PHONE, ViewportSize.DESKTOP)) {
            Browser browser = browsers.open(size).load(base + "/clean.html");

            AxeReport report = browser.assertAccessible();
            assertThat(report.clean()).isTrue();
            browser.assertNoConsoleErrors();

            List<?> viewport = (List<?>) browser.driver().executeScript(
                    "return [window.innerWidth, window.innerHeight, navigator.maxTouchPoints, devicePixelRatio];");
            assertThat(((Number) viewport.get(0)).intValue()).isEqualTo(size.width());
            assertThat(((Number) viewport.get(1)).intValue()).isEqualTo(size.height());
            assertThat(((Number) viewport.get(2)).intValue() > 0).isEqualTo(size.mobile());

            Path shot = browser.screenshot("clean");
            assertThat(shot).isEqualTo(browsers.screenshotFolder().resolve("clean-" + size.label() + ".png"));
            BufferedImage image = ImageIO.read(shot.toFile());
            assertThat(image.getWidth()).isEqualTo((int) Math.round(size.width() * size.pixelRatio()));
            assertThat(image.getHeight()).isEqualTo((int) Math.round(size.height() * size.pixelRatio()));
            assertThat(ImageIO.read(browser.fullPageScreenshot("clean").toFile()).getWidth()).isEqualTo(size.width());
        }
        assertThat(browsers.screenshotFolder()).isEqualTo(Path.of("target/screenshots/BrowserHarnessTest"));
    }
}
