package org.eduweek.platform.testing.browser;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What loading a page transferred, from the Performance API of the page: its navigation entry and every resource
 * entry (scripts, styles, images, fonts, fetch/XHR, ...). Measured in a fresh profile, so on a cold cache.
 *
 * @param url       the page
 * @param responses one line per response
 */
public record PageTransfer(String url, List<Response> responses) {

    /**
     * One response.
     *
     * @param url          what was fetched
     * @param initiator    {@code navigation}, {@code script}, {@code link}, {@code img}, {@code fetch}, ...
     * @param transferSize bytes on the wire: headers plus encoded body (0 when served from a cache, or cross-origin
     *                     without {@code Timing-Allow-Origin})
     * @param encodedBody  the body as sent, before decompression
     * @param decodedBody  the body after decompression
     */
    public record Response(String url, String initiator, long transferSize, long encodedBody, long decodedBody) {

        /** The larger of the two: never less than the encoded body, headers included when known. */
        public long bytes() {
            return Math.max(transferSize, encodedBody);
        }
    }

    /** The sum of the responses' encoded body lengths. */
    public long encodedBytes() {
        return responses.stream().mapToLong(Response::encodedBody).sum();
    }

    /** The sum of {@link Response#bytes()}: encoded bodies plus headers, the figure budgets are checked against. */
    public long bytes() {
        return responses.stream().mapToLong(Response::bytes).sum();
    }

    public double kilobytes() {
        return bytes() / 1024.0;
    }

    /** A table, largest response first. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d responses, %.1f KB (encoded bodies %.1f KB, decoded %.1f KB)%n",
                url, responses.size(), kilobytes(), encodedBytes() / 1024.0,
                responses.stream().mapToLong(Response::decodedBody).sum() / 1024.0)
                + responses.stream().sorted(Comparator.comparingLong(Response::bytes).reversed())
                        .map(r -> String.format(Locale.ROOT, "  %8.1f KB  %-10s %s", r.bytes() / 1024.0,
                                r.initiator(), r.url()))
                        .collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return describe();
    }
}
