package org.eduweek.schedule.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language an answer is given in: {@code lang=} wins, then the first of en/zh in {@code Accept-Language}
 * (by quality), then English.
 */
public final class Lang {

    public static final List<String> SUPPORTED = List.of("en", "zh");

    private Lang() {
    }

    public static String of(HttpServletRequest request) {
        return of(request.getParameter("lang"), request.getHeader("Accept-Language"));
    }

    public static String of(String param, String acceptLanguage) {
        if (param != null && !param.isBlank()) {
            String p = param.strip().toLowerCase(Locale.ROOT);
            return p.startsWith("zh") ? "zh" : "en";
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("zh")) {
                        return "zh";
                    }
                    if (tag.startsWith("en")) {
                        return "en";
                    }
                }
            } catch (IllegalArgumentException ignoredMalformedHeader) {
                return "en";
            }
        }
        return "en";
    }
}
