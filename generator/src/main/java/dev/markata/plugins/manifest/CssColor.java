package dev.markata.plugins.manifest;

import dev.markata.color.CssColorNames;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A colour of markata's configuration ({@code theme_color}, {@code background_color}), read and
 * printed as markata's pydantic {@code Color} reads and prints it: the manifest holds
 * {@code str(color)}, which is the CSS name where the colour has one ({@code "#ffffff"} is
 * {@code "white"}; of two names for one colour the later in the alphabet, {@code "cyan"} and
 * {@code "grey"}), else the shortest hex ({@code "#B73CF6"} is {@code "#b73cf6"}, {@code "#aabbcc"}
 * is {@code "#abc"}), with the alpha as a fourth byte when there is one.
 *
 * <p>Read: CSS names, hex with {@code #}, {@code 0x} or nothing (3, 4, 6 or 8 digits),
 * {@code rgb(r, g, b)} and {@code rgba(r, g, b, a)} (also space-separated, {@code / a}), and
 * {@code transparent}. pydantic also reads {@code hsl()}; markata-java does not.
 *
 * @param red   0 to 255
 * @param green 0 to 255
 * @param blue  0 to 255
 * @param alpha 0 to 1, or -1 when the colour has none (an alpha of 1 is none, as in pydantic)
 */
record CssColor(double red, double green, double blue, double alpha) {

    static final String ALLOWED = "a CSS colour name (\"purple\"), \"#rgb\" or \"#rrggbb\" (with an alpha"
            + " digit or byte too), \"rgb(r, g, b)\" or \"rgba(r, g, b, a)\"";

    /** pydantic's names: CSS Level 3's, without Level 4's {@code rebeccapurple}. */
    private static final Map<String, Integer> BY_NAME = new TreeMap<>(CssColorNames.BY_NAME);
    private static final Map<Integer, String> BY_VALUE = new HashMap<>();

    static {
        BY_NAME.remove("rebeccapurple");
        // alphabetical order, so of two names for one value the later one stays, as in pydantic
        BY_NAME.forEach((name, rgb) -> BY_VALUE.put(rgb, name));
    }

    private static final Pattern HEX_SHORT = Pattern.compile(
            "\\s*(?:#|0x)?([0-9a-f])([0-9a-f])([0-9a-f])([0-9a-f])?\\s*");
    private static final Pattern HEX_LONG = Pattern.compile(
            "\\s*(?:#|0x)?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})?\\s*");
    private static final String NUMBER = "(\\d{1,3}(?:\\.\\d+)?)";
    private static final String ALPHA = "(\\d(?:\\.\\d+)?|\\.\\d+|\\d{1,2}%)";
    private static final Pattern RGB = Pattern.compile("\\s*rgba?\\(\\s*" + NUMBER + "\\s*,\\s*" + NUMBER + "\\s*,\\s*"
            + NUMBER + "(?:\\s*,\\s*" + ALPHA + ")?\\s*\\)\\s*");
    private static final Pattern RGB_SPACED = Pattern.compile("\\s*rgba?\\(\\s*" + NUMBER + "\\s+" + NUMBER + "\\s+"
            + NUMBER + "(?:\\s*/\\s*" + ALPHA + ")?\\s*\\)\\s*");

    /**
     * @throws IllegalArgumentException saying why, when {@code text} is no colour read here
     */
    static CssColor parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Integer named = BY_NAME.get(lower);
        if (named != null) {
            return new CssColor(named >> 16, (named >> 8) & 0xff, named & 0xff, -1);
        }
        Matcher m = HEX_SHORT.matcher(lower);
        if (m.matches()) {
            return new CssColor(hex(m.group(1) + m.group(1)), hex(m.group(2) + m.group(2)), hex(m.group(3) + m.group(3)),
                    m.group(4) == null ? -1 : alpha(hex(m.group(4) + m.group(4)) / 255.0));
        }
        m = HEX_LONG.matcher(lower);
        if (m.matches()) {
            return new CssColor(hex(m.group(1)), hex(m.group(2)), hex(m.group(3)),
                    m.group(4) == null ? -1 : alpha(hex(m.group(4)) / 255.0));
        }
        m = RGB.matcher(lower);
        if (!m.matches()) {
            m = RGB_SPACED.matcher(lower);
        }
        if (m.matches()) {
            String a = m.group(4);
            return new CssColor(channel(m.group(1)), channel(m.group(2)), channel(m.group(3)),
                    a == null ? -1 : alpha(a.endsWith("%") ? Double.parseDouble(a.substring(0, a.length() - 1)) / 100
                            : Double.parseDouble(a)));
        }
        if (lower.equals("transparent")) {
            return new CssColor(0, 0, 0, 0);
        }
        throw new IllegalArgumentException("is not a colour");
    }

    private static double hex(String digits) {
        return Integer.parseInt(digits, 16);
    }

    private static double channel(String number) {
        double value = Double.parseDouble(number);
        if (value > 255) {
            throw new IllegalArgumentException("has a colour value of " + number + ", where 0 to 255 are allowed");
        }
        return value;
    }

    private static double alpha(double value) {
        if (Math.abs(value - 1) <= 1e-9) {
            return -1; // fully opaque: no alpha
        }
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException("has an alpha of " + value + ", where 0 to 1 are allowed");
        }
        return value;
    }

    /** As pydantic's {@code str(Color)}: the name, else the shortest hex. */
    @Override
    public String toString() {
        int r = byteOf(red / 255);
        int g = byteOf(green / 255);
        int b = byteOf(blue / 255);
        if (alpha < 0) {
            String name = BY_VALUE.get(r << 16 | g << 8 | b);
            if (name != null) {
                return name;
            }
        }
        int[] values = alpha < 0 ? new int[] {r, g, b} : new int[] {r, g, b, byteOf(alpha)};
        boolean shortForm = true;
        for (int value : values) {
            shortForm &= value >> 4 == (value & 0xf);
        }
        StringBuilder hex = new StringBuilder("#");
        for (int value : values) {
            hex.append(shortForm ? Integer.toHexString(value & 0xf) : String.format("%02x", value));
        }
        return hex.toString();
    }

    /** Python's {@code round(c * 255)}: halves to the even neighbour. */
    private static int byteOf(double fraction) {
        return (int) Math.rint(fraction * 255);
    }
}
