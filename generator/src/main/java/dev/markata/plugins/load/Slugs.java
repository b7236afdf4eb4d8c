package dev.markata.plugins.load;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs as markata makes them: lower case ASCII words joined by '-', '/' kept between parts. */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Slugs() {
    }

    /**
     * "Hello, Wörld!" to "hello-world"; "blog/My Post" to "blog/my-post". Per part: accents taken
     * off (NFKD, combining marks dropped), lower case, every run of other characters than
     * {@code a-z0-9} one '-', none at either end; empty parts dropped. One pass per part without
     * regular expressions (but for accents): slugs are made for every post and wikilink target
     * of every build.
     */
    public static String slugify(String text) {
        StringBuilder slug = new StringBuilder(text.length());
        for (String part : text.split("/")) {
            String plain = isAscii(part) ? part
                    : MARKS.matcher(Normalizer.normalize(part, Normalizer.Form.NFKD)).replaceAll("");
            String lower = plain.toLowerCase(Locale.ROOT);
            int partStart = slug.length();
            if (partStart > 0) {
                slug.append('/');
            }
            int wordStart = slug.length();
            boolean gap = false;
            for (int i = 0; i < lower.length(); i++) {
                char c = lower.charAt(i);
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    if (gap && slug.length() > wordStart) {
                        slug.append('-');
                    }
                    gap = false;
                    slug.append(c);
                } else {
                    gap = true;
                }
            }
            if (slug.length() == wordStart) {
                slug.setLength(partStart);
            }
        }
        return slug.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
