package dev.markata.plugins.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SlugsTest {

    /** The definition, with regular expressions, as slugify was first written. */
    private static String reference(String text) {
        StringBuilder slug = new StringBuilder();
        for (String part : text.split("/")) {
            String ascii = Pattern.compile("\\p{M}+").matcher(Normalizer.normalize(part, Normalizer.Form.NFKD)).replaceAll("");
            String word = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            if (!word.isEmpty()) {
                if (slug.length() > 0) {
                    slug.append('/');
                }
                slug.append(word);
            }
        }
        return slug.toString();
    }

    @Test
    void examples() {
        assertThat(Slugs.slugify("Hello, Wörld!")).isEqualTo("hello-world");
        assertThat(Slugs.slugify("blog/My Post")).isEqualTo("blog/my-post");
        assertThat(Slugs.slugify("/--/Ünïcode  Straße 2024//")).isEqualTo("unicode-stra-e-2024");
        assertThat(Slugs.slugify("---")).isEmpty();
    }

    @Property(tries = 3000)
    void slugsAreWhatTheDefinitionMakes(@ForAll("titles") String text) {
        assertThat(Slugs.slugify(text)).isEqualTo(reference(text));
    }

    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.strings().withChars("aZ09 -_/.,!éÖßİ\u212A\u0301ﬁ中\t").ofMaxLength(20);
    }
}
