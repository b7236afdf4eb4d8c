package dev.markata.plugins.load;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs as markata makes them: lower case ASCII words joined by '-', '/' kept between parts. */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** "Hello, Wörld!" to "hello-world"; "blog/My Post" to "blog/my-post". */
    public static String slugify(String text) {
        StringBuilder slug = new StringBuilder();
        for (String part : text.split("/")) {
            String ascii = MARKS.matcher(Normalizer.normalize(part, Normalizer.Form.NFKD)).replaceAll("");
            String word = NOT_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
            word = word.replaceAll("^-+|-+$", "");
            if (!word.isEmpty()) {
                if (slug.length() > 0) {
                    slug.append('/');
                }
                slug.append(word);
            }
        }
        return slug.toString();
    }
}
