package dev.markata.plugins.covers;

import dev.markata.color.CssColorNames;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A colour as markata's covers take it: the text Pillow's {@code ImageColor.getrgb} reads
 * ({@code "#fff"}, {@code "#ffffffcc"}, {@code "rgb(185,155,165)"}, {@code "rgb(50%,0%,0%)"},
 * {@code "rgba(0,0,0,128)"}, {@code "hsl(120,100%,50%)"}, {@code "hsv(...)"}, a CSS colour name
 * in any case), or a TOML array of three or four numbers 0-255, as Pillow also takes a tuple.
 * Kept as the packed ARGB value, so the configuration and the cover key need no AWT.
 */
record CoverColor(int argb) {

    static final CoverColor WHITE = new CoverColor(0xffffffff);

    static final String ALLOWED = "must be a colour as Pillow reads it: \"#rrggbb\", \"#rgb\", \"#rrggbbaa\","
            + " \"rgb(r, g, b)\" (0-255 or percentages), \"rgba(r, g, b, a)\", \"hsl(h, s%, l%)\", \"hsv(h, s%, v%)\","
            + " a CSS colour name like \"white\", or an array [r, g, b]";

    private static final String NUMBER = "\\s*(\\d+(?:\\.\\d*)?)";
    private static final Pattern RGB = Pattern.compile("rgb\\(" + NUMBER + "\\s*,"
            + NUMBER + "\\s*,"
            + NUMBER + "\\s*\\)");
    private static final Pattern RGB_PERCENT = Pattern.compile("rgb\\(" + NUMBER + "%\\s*," + NUMBER + "%\\s*,"
            + NUMBER + "%\\s*\\)");
    private static final Pattern RGBA = Pattern.compile("rgba\\(" + NUMBER + "\\s*," + NUMBER + "\\s*," + NUMBER
            + "\\s*," + NUMBER + "\\s*\\)");
    private static final Pattern HSL = Pattern.compile("hsl\\(" + NUMBER + "\\s*," + NUMBER + "%\\s*," + NUMBER
            + "%\\s*\\)");
    private static final Pattern HSV = Pattern.compile("hs[vb]\\(" + NUMBER + "\\s*," + NUMBER + "%\\s*," + NUMBER
            + "%\\s*\\)");
    private static final Pattern HEX = Pattern.compile("#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})");

    /** The colour {@code value} names, or empty when it is none of the forms {@link #ALLOWED} lists. */
    static Optional<CoverColor> parse(Object value) {
        if (value instanceof List<?> list) {
            return fromList(list);
        }
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        String color = text.strip().toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = HEX.matcher(color)).matches()) {
            return Optional.of(hex(m.group(1)));
        }
        if ((m = RGB.matcher(color)).matches()) {
            return rgba(number(m, 1), number(m, 2), number(m, 3), 255);
        }
        if ((m = RGB_PERCENT.matcher(color)).matches()) {
            return rgba(percent(m, 1), percent(m, 2), percent(m, 3), 255);
        }
        if ((m = RGBA.matcher(color)).matches()) {
            return rgba(number(m, 1), number(m, 2), number(m, 3), number(m, 4));
        }
        if ((m = HSL.matcher(color)).matches()) {
            return Optional.of(hsl(number(m, 1), number(m, 2) / 100, number(m, 3) / 100));
        }
        if ((m = HSV.matcher(color)).matches()) {
            return Optional.of(hsv(number(m, 1), number(m, 2) / 100, number(m, 3) / 100));
        }
        Integer named = CssColorNames.BY_NAME.get(color);
        return named == null ? Optional.empty() : Optional.of(new CoverColor(0xff000000 | named));
    }

    private static Optional<CoverColor> fromList(List<?> list) {
        if (list.size() != 3 && list.size() != 4) {
            return Optional.empty();
        }
        double[] parts = new double[] {0, 0, 0, 255};
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Number n)) {
                return Optional.empty();
            }
            parts[i] = n.doubleValue();
        }
        return rgba(parts[0], parts[1], parts[2], parts[3]);
    }

    private static CoverColor hex(String digits) {
        if (digits.length() <= 4) {
            StringBuilder doubled = new StringBuilder();
            for (char c : digits.toCharArray()) {
                doubled.append(c).append(c);
            }
            digits = doubled.toString();
        }
        long value = Long.parseLong(digits, 16);
        return digits.length() == 8
                ? new CoverColor((int) ((value & 0xff) << 24 | value >>> 8))
                : new CoverColor((int) (0xff000000L | value));
    }

    private static double number(Matcher m, int group) {
        return Double.parseDouble(m.group(group));
    }

    private static double percent(Matcher m, int group) {
        return number(m, group) * 255 / 100;
    }

    private static Optional<CoverColor> rgba(double r, double g, double b, double a) {
        for (double part : new double[] {r, g, b, a}) {
            if (part < 0 || part > 255) {
                return Optional.empty();
            }
        }
        return Optional.of(new CoverColor((int) Math.round(a) << 24 | (int) Math.round(r) << 16
                | (int) Math.round(g) << 8 | (int) Math.round(b)));
    }

    /** {@code hsl(h, s, l)} as CSS defines it (h in degrees, s and l 0-1). */
    private static CoverColor hsl(double h, double s, double l) {
        double c = (1 - Math.abs(2 * Math.min(l, 1) - 1)) * Math.min(s, 1);
        return fromChroma(h, c, Math.min(l, 1) - c / 2);
    }

    /** {@code hsv(h, s, v)}: h in degrees, s and v 0-1. */
    private static CoverColor hsv(double h, double s, double v) {
        double c = Math.min(v, 1) * Math.min(s, 1);
        return fromChroma(h, c, Math.min(v, 1) - c);
    }

    private static CoverColor fromChroma(double hue, double chroma, double match) {
        double h = (hue % 360) / 60;
        double x = chroma * (1 - Math.abs(h % 2 - 1));
        double[] rgb = switch ((int) h) {
            case 0 -> new double[] {chroma, x, 0};
            case 1 -> new double[] {x, chroma, 0};
            case 2 -> new double[] {0, chroma, x};
            case 3 -> new double[] {0, x, chroma};
            case 4 -> new double[] {x, 0, chroma};
            default -> new double[] {chroma, 0, x};
        };
        return new CoverColor(0xff000000 | channel(rgb[0] + match) << 16 | channel(rgb[1] + match) << 8
                | channel(rgb[2] + match));
    }

    private static int channel(double fraction) {
        return (int) Math.round(Math.max(0, Math.min(1, fraction)) * 255);
    }
}
