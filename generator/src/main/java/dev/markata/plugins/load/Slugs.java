package dev.markata.plugins.load;

import java.text.Normalizer;
import java.util.Locale;
import net.gcardone.junidecode.Junidecode;

/** URL slugs as markata makes them: lower case ASCII words joined by '-', '/' kept between parts. */
public final class Slugs {

    private Slugs() {
    }

    /**
     * "Hello, Wörld!" to "hello-world"; "blog/My Post" to "blog/my-post"; "привет мир" to
     * "privet-mir", "你好" to "ni-hao". Per part: text that is not all ASCII is spelled in ASCII
     * as python-slugify does (markata's slugify), so that a site keeps its URLs: an apostrophe
     * the author wrote made '-', NFKD, Unidecode's tables (junidecode, the same tables in Java),
     * and the apostrophes those wrote dropped ("Komp'iuter" is "kompiuter"). Then lower case, a
     * comma between two digits dropped ("1,000" is "1000"), every run of other characters than
     * {@code a-z0-9} one '-', none at either end; empty parts dropped. ASCII text (nearly every slug) goes straight to one pass without regular
     * expressions: slugs are made for every post and wikilink target of every build.
     */
    public static String slugify(String text) {
        StringBuilder slug = new StringBuilder(text.length());
        for (String part : text.split("/")) {
            String plain = isAscii(part) ? part : transliterate(part);
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
                } else if (!(c == ',' && isDigitAt(lower, i - 1) && isDigitAt(lower, i + 1))) {
                    gap = true;
                }
            }
            if (slug.length() == wordStart) {
                slug.setLength(partStart);
            }
        }
        return slug.toString();
    }

    /** Not ASCII text spelled in ASCII, in python-slugify's order (see {@link #slugify}). */
    private static String transliterate(String text) {
        return Junidecode.unidecode(Normalizer.normalize(text.replace('\'', '-'), Normalizer.Form.NFKD))
                .replace("'", "");
    }

    private static boolean isDigitAt(String text, int index) {
        return index >= 0 && index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '9';
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
