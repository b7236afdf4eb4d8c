package dev.markata.plugins.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import net.gcardone.junidecode.Junidecode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SlugsTest {

    /**
     * The definition, with regular expressions, in python-slugify's order: quotes to '-', NFKD,
     * Unidecode, the quotes Unidecode wrote dropped, then lower case, a comma between two digits
     * dropped, and runs of other characters than a-z0-9 one '-'.
     */
    private static String reference(String text) {
        StringBuilder slug = new StringBuilder();
        for (String part : text.split("/")) {
            String ascii = Junidecode.unidecode(Normalizer.normalize(part.replace('\'', '-'), Normalizer.Form.NFKD))
                    .replace("'", "");
            String word = ascii.toLowerCase(Locale.ROOT).replaceAll("(?<=[0-9]),(?=[0-9])", "")
                    .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
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
        assertThat(Slugs.slugify("/--/Ünïcode  Straße 2024//")).isEqualTo("unicode-strasse-2024");
        assertThat(Slugs.slugify("---")).isEmpty();
    }

    @Test
    void textWithoutLatinLettersIsSpelledInThemAsPythonSlugifyDoes() {
        // python-slugify transliterates with Unidecode: its own tests give 'ying-shi-ma' for 影師嗎
        // and 'kompiuter' for Компьютер (Unidecode's "Komp'iuter", the apostrophe dropped)
        assertThat(Slugs.slugify("привет мир")).isEqualTo("privet-mir");
        assertThat(Slugs.slugify("привет-мир")).isEqualTo("privet-mir");
        assertThat(Slugs.slugify("你好")).isEqualTo("ni-hao");
        assertThat(Slugs.slugify("日本語")).isEqualTo("ri-ben-yu");
        assertThat(Slugs.slugify("影師嗎")).isEqualTo("ying-shi-ma");
        assertThat(Slugs.slugify("Компьютер")).isEqualTo("kompiuter");
        assertThat(Slugs.slugify("Straße")).isEqualTo("strasse");
        assertThat(Slugs.slugify("Wörld")).isEqualTo("world");
        assertThat(Slugs.slugify("Ελληνικά/日本")).isEqualTo("ellenika/ri-ben");
        // an apostrophe the author wrote still parts words, as in python-slugify ("c-est-deja-l-ete")
        assertThat(Slugs.slugify("C'est déjà l'été.")).isEqualTo("c-est-deja-l-ete");
    }

    @Test
    void aCommaBetweenDigitsIsDroppedAsPythonSlugifyDoes() {
        // python-slugify 4.0 (Debian): 'Top 1,000 tips' -> 'top-1000-tips', '1,,5' -> '1-5'
        assertThat(Slugs.slugify("Top 1,000 tips")).isEqualTo("top-1000-tips");
        assertThat(Slugs.slugify("1,000,000")).isEqualTo("1000000");
        assertThat(Slugs.slugify("a,b 1, 2")).isEqualTo("a-b-1-2");
        assertThat(Slugs.slugify("1,,5")).isEqualTo("1-5");
        assertThat(Slugs.slugify("5,a")).isEqualTo("5-a");
        assertThat(Slugs.slugify("Цена 1,5")).isEqualTo("tsena-15");
    }

    @Test
    void textWithNothingToSpellMakesNoSlug() {
        assertThat(Slugs.slugify("😀🎉")).isEmpty();
        assertThat(Slugs.slugify("«…»/—")).isEmpty();
    }

    @Property(tries = 3000)
    void slugsAreWhatTheDefinitionMakes(@ForAll("titles") String text) {
        assertThat(Slugs.slugify(text)).isEqualTo(reference(text));
    }

    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.strings().withChars("aZ09 -_/.,,1!'éÖßİ\u212A\u0301ﬁ中я\u02BC\t").ofMaxLength(20);
    }
}
