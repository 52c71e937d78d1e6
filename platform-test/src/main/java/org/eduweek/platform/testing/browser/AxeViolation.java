package org.eduweek.platform.testing.browser;

import java.util.List;

/**
 * One axe-core rule a page breaks, with the elements that break it.
 *
 * @param id      the rule id, e.g. {@code image-alt}, {@code label}, {@code color-contrast}
 * @param impact  {@code minor}, {@code moderate}, {@code serious} or {@code critical}
 * @param help    the rule's one-line description
 * @param helpUrl Deque's page on the rule
 * @param nodes   the offending elements
 */
public record AxeViolation(String id, String impact, String help, String helpUrl, List<Node> nodes) {

    /**
     * An offending element.
     *
     * @param target  CSS selectors that find it (one per frame or shadow root on the way)
     * @param html    the start of its markup
     * @param summary what to fix
     */
    public record Node(List<String> target, String html, String summary) {
    }

    /** Every selector of every offending element. */
    public List<String> targets() {
        return nodes.stream().map(n -> String.join(" >>> ", n.target())).toList();
    }
}
