package dev.markata.plugins.icon_resize;

import java.awt.image.BufferedImage;

/**
 * Resizes an image with a Lanczos filter (three lobes), the filter markata asks Pillow for
 * ({@code Image.LANCZOS}). Java2D's own scaling is bilinear or bicubic over a fixed 2x2 or 4x4
 * neighbourhood, which drops most pixels when a 1024-pixel icon becomes 48 and leaves it jagged;
 * here every output pixel weighs all the source pixels under its footprint, as Pillow does.
 *
 * <p>Separable (rows, then columns), on colours premultiplied by alpha so that transparent
 * pixels lend no colour to the edges of a shape. Pixels past the border are left out and the
 * weights of those inside renormalised, as Pillow does.
 */
final class Lanczos {

    private static final double LOBES = 3;

    private Lanczos() {
    }

    /** {@code source} at {@code width} x {@code height}, as non-premultiplied ARGB. */
    static BufferedImage resize(BufferedImage source, int width, int height) {
        int sw = source.getWidth();
        int sh = source.getHeight();
        // rows first, each premultiplied as it is reached: the source is never held as floats
        Weights across = weights(sw, width);
        float[] rows = new float[width * sh * 4];
        int[] argb = new int[sw];
        float[] line = new float[sw * 4];
        for (int y = 0; y < sh; y++) {
            source.getRGB(0, y, sw, 1, argb, 0, sw);
            for (int x = 0; x < sw; x++) {
                int p = argb[x];
                float a = (p >>> 24) / 255f;
                line[x * 4] = a;
                line[x * 4 + 1] = ((p >> 16) & 0xff) * a;
                line[x * 4 + 2] = ((p >> 8) & 0xff) * a;
                line[x * 4 + 3] = (p & 0xff) * a;
            }
            for (int i = 0; i < width; i++) {
                apply(across, i, line, 0, 1, rows, (y * width + i) * 4);
            }
        }
        Weights down = weights(sh, height);
        float[] both = new float[width * height * 4];
        for (int x = 0; x < width; x++) {
            for (int i = 0; i < height; i++) {
                apply(down, i, rows, x, width, both, (i * width + x) * 4);
            }
        }
        int[] out = new int[width * height];
        for (int i = 0; i < out.length; i++) {
            float a = both[i * 4];
            if (a <= 0) {
                continue; // fully transparent: black, as the premultiplied colour is nothing
            }
            int alpha = clamp(a * 255f);
            out[i] = alpha << 24 | clamp(both[i * 4 + 1] / a) << 16 | clamp(both[i * 4 + 2] / a) << 8
                    | clamp(both[i * 4 + 3] / a);
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        result.setRGB(0, 0, width, height, out, 0, width);
        return result;
    }

    /**
     * Output pixel {@code i} of one row or column into {@code out} at {@code target}: the
     * weighted sum of the source pixels {@code first + k * step} of {@code in} (4 floats each).
     */
    private static void apply(Weights weights, int i, float[] in, int first, int step, float[] out, int target) {
        int start = weights.start[i];
        float[] weight = weights.weights[i];
        float a = 0, r = 0, g = 0, b = 0;
        for (int k = 0; k < weight.length; k++) {
            int index = (first + (start + k) * step) * 4;
            float c = weight[k];
            a += in[index] * c;
            r += in[index + 1] * c;
            g += in[index + 2] * c;
            b += in[index + 3] * c;
        }
        out[target] = a;
        out[target + 1] = r;
        out[target + 2] = g;
        out[target + 3] = b;
    }

    /** For each output pixel, the first source pixel it weighs and the normalised weights. */
    private record Weights(int[] start, float[][] weights) {
    }

    private static Weights weights(int from, int to) {
        double scale = (double) from / to;
        double stretch = Math.max(scale, 1); // shrinking widens the filter over the source
        double support = LOBES * stretch;
        int[] starts = new int[to];
        float[][] all = new float[to][];
        for (int i = 0; i < to; i++) {
            double centre = (i + 0.5) * scale;
            int first = Math.max(0, (int) Math.floor(centre - support));
            int last = Math.min(from - 1, (int) Math.ceil(centre + support));
            double[] w = new double[last - first + 1];
            double total = 0;
            for (int j = first; j <= last; j++) {
                double value = lanczos((j + 0.5 - centre) / stretch);
                w[j - first] = value;
                total += value;
            }
            float[] normalised = new float[w.length];
            for (int k = 0; k < w.length; k++) {
                normalised[k] = (float) (total == 0 ? 0 : w[k] / total);
            }
            starts[i] = first;
            all[i] = normalised;
        }
        return new Weights(starts, all);
    }

    private static double lanczos(double x) {
        if (x == 0) {
            return 1;
        }
        if (Math.abs(x) >= LOBES) {
            return 0;
        }
        double px = Math.PI * x;
        return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
    }

    private static int clamp(float value) {
        int rounded = Math.round(value);
        return rounded < 0 ? 0 : Math.min(255, rounded);
    }
}
