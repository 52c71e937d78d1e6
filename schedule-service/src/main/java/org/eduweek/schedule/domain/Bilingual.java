package org.eduweek.schedule.domain;

/**
 * A text in English and Chinese. Either may be missing; {@link #in(String)} falls back to the other so a reader
 * never gets an empty title.
 */
public record Bilingual(String en, String zh) {

    public Bilingual {
        en = blankToNull(en);
        zh = blankToNull(zh);
    }

    public static Bilingual english(String en) {
        return new Bilingual(en, null);
    }

    public boolean blank() {
        return en == null && zh == null;
    }

    /** The text in {@code lang} ("en" or "zh"), else English, else Chinese. */
    public String in(String lang) {
        if ("zh".equals(lang) && zh != null) {
            return zh;
        }
        return en != null ? en : zh;
    }

    /** Lower-cased English and Chinese together, for free-text search without a $text index. */
    public String searchable() {
        return ((en == null ? "" : en) + " " + (zh == null ? "" : zh)).toLowerCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
