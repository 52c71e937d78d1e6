package org.eduweek.notification.delivery;

/**
 * SMS segment arithmetic. GSM-7 texts fit 160 characters in one segment and 153 per segment when concatenated
 * (the extension characters such as {@code € [ ] { }} take two); anything else (Chinese, emoji, "…") is sent as
 * UCS-2: 70 per segment, 67 when concatenated, counted in UTF-16 units.
 */
public final class SmsText {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsText() {
    }

    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Septets for GSM-7, UTF-16 units for UCS-2. */
    public static int units(String text) {
        if (!isGsm7(text)) {
            return text.length();
        }
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return n;
    }

    public static int segments(String text) {
        boolean gsm = isGsm7(text);
        int units = units(text);
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        if (units <= single) {
            return 1;
        }
        return (units + multi - 1) / multi;
    }

    /**
     * Cuts the text so it fits {@code maxSegments}. The ellipsis is "..." for GSM-7 texts: a "…" would switch the
     * whole message to UCS-2 and more than halve what fits.
     */
    public static String fit(String text, int maxSegments) {
        if (segments(text) <= maxSegments) {
            return text;
        }
        boolean gsm = isGsm7(text);
        String ellipsis = gsm ? "..." : "…";
        int low = 0;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            String candidate = cut(text, mid) + ellipsis;
            if (segments(candidate) <= maxSegments) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return cut(text, low) + ellipsis;
    }

    /** Never splits a surrogate pair. */
    private static String cut(String text, int length) {
        if (length > 0 && length < text.length() && Character.isHighSurrogate(text.charAt(length - 1))) {
            length--;
        }
        return text.substring(0, length).stripTrailing();
    }
}
