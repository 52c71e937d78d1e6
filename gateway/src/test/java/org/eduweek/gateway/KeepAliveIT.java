package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * One keep-alive connection carrying requests the way a browser loading the portal sends them. Reactor Netty 1.3.6
 * stopped reading such a connection once a request queued behind a slower one was answered at once
 * (reactor-netty#4361): the next request then waited until the client gave up.
 */
class KeepAliveIT extends GatewayTestBase {

    @Test
    void keepsReadingAConnectionAfterAQueuedRequestWasAnsweredAtOnce() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // A proxied request (answered later, by the service) with a static file queued right behind it.
            out.write((get("/api/schedule/sessions") + get("/portal.css")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readStatus(in)).isEqualTo(200);
            assertThat(readStatus(in)).isEqualTo(200);

            out.write(get("/portal.js").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                assertThat(readStatus(in)).isEqualTo(200);
            } catch (SocketTimeoutException stalled) {
                throw new AssertionError("the gateway stopped reading the keep-alive connection", stalled);
            }
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n";
    }

    /** Reads one whole answer (which must give its length) and returns its status. */
    private static int readStatus(InputStream in) throws IOException {
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        long length = -1;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        assertThat(length).as("Content-Length of %s", head).isNotNegative();
        assertThat(in.readNBytes((int) length)).hasSize((int) length);
        return status;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
