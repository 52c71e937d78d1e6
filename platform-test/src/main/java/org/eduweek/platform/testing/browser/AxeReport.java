package org.eduweek.platform.testing.browser;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What axe-core found on a page: the violations, and how many checks it could not decide alone ("incomplete": a
 * person should look) and how many passed.
 */
public record AxeReport(String url, List<String> tags, List<AxeViolation> violations, int incomplete, int passes) {

    public boolean clean() {
        return violations.isEmpty();
    }

    /** The ids of the broken rules, in axe's order. */
    public List<String> ruleIds() {
        return violations.stream().map(AxeViolation::id).toList();
    }

    /** A readable list: one line per rule (id, impact, help), then one per offending element with its selectors. */
    public String describe() {
        if (violations.isEmpty()) {
            return "axe " + tags + ": no violation on " + url + " (" + passes + " rules passed, " + incomplete
                    + " to review by hand)";
        }
        return "axe " + tags + ": " + violations.size() + " rule(s) violated on " + url + "\n"
                + violations.stream().map(AxeReport::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(AxeViolation v) {
        return "- " + v.id() + " [" + v.impact() + "] " + v.help() + " (" + v.helpUrl() + ")\n"
                + v.nodes().stream()
                        .map(n -> "    " + String.join(" >>> ", n.target()) + "  " + oneLine(n.html())
                                + (n.summary().isBlank() ? "" : "\n      " + oneLine(n.summary())))
                        .collect(Collectors.joining("\n"));
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }

    @Override
    public String toString() {
        return describe();
    }
}
