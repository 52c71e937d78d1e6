package org.eduweek.platform.testing.browser;

/** The sizes every page is checked at: a phone (emulated, with touch and a mobile user agent) and a desktop window. */
public enum ViewportSize {

    /** 390×844 CSS pixels at device pixel ratio 3, touch, a mobile Chrome user agent (a current mid-size phone). */
    PHONE("phone", 390, 844, 3.0, true),
    /** A 1280×900 window. */
    DESKTOP("desktop", 1280, 900, 1.0, false);

    private final String label;
    private final int width;
    private final int height;
    private final double pixelRatio;
    private final boolean mobile;

    ViewportSize(String label, int width, int height, double pixelRatio, boolean mobile) {
        this.label = label;
        this.width = width;
        this.height = height;
        this.pixelRatio = pixelRatio;
        this.mobile = mobile;
    }

    /** The name used in screenshot files: {@code phone}, {@code desktop}. */
    public String label() {
        return label;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double pixelRatio() {
        return pixelRatio;
    }

    public boolean mobile() {
        return mobile;
    }
}
