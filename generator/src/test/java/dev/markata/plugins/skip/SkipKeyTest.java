package dev.markata.plugins.skip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.content.Post;
import dev.markata.content.PostDate;
import dev.markata.plugins.post_template.SiteView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A post's skip key changes with whatever of its front matter a template may show. */
class SkipKeyTest {

    private static Post post(Map<String, Object> extra) {
        return new Post("posts/a.md", "a", "A", PostDate.of(LocalDate.of(2024, 5, 1)), List.of("x"), true, "", null, "Body.",
                extra, null, null);
    }

    private static String key(Map<String, Object> extra) {
        return SkipPlugin.key(post(extra), "shared", "digest");
    }

    @Test
    void equalFrontMatterGivesEqualKeysAndEveryDifferenceAnother() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("series", Map.of("name", "s", "part", 2));
        nested.put("links", List.of("a", "b"));
        List<Map<String, Object>> variants = new ArrayList<>();
        variants.add(Map.of());
        variants.add(Map.of("n", 1));
        variants.add(Map.of("n", "1"));
        variants.add(Map.of("n", 1L));
        variants.add(Map.of("n", List.of(1)));
        variants.add(Map.of("n", List.of()));
        variants.add(Map.of("n", Map.of()));
        variants.add(Map.of("n", true));
        variants.add(Map.of("n", "true"));
        variants.add(nested);
        Map<String, Object> listsSwapped = new LinkedHashMap<>(nested);
        listsSwapped.put("links", List.of("b", "a"));
        variants.add(listsSwapped);
        Map<String, Object> flattened = new LinkedHashMap<>();
        flattened.put("series", "{name=s, part=2}");
        flattened.put("links", "[a, b]");
        variants.add(flattened);
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("n", null);
        variants.add(withNull);

        List<String> keys = variants.stream().map(SkipKeyTest::key).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(key(new LinkedHashMap<>(nested))).isEqualTo(key(nested));
        assertThat(SkipPlugin.key(post(nested), "shared", "other digest")).isNotEqualTo(key(nested));
        assertThat(SkipPlugin.key(post(nested), "other shared", "digest")).isNotEqualTo(key(nested));
    }

    @Test
    void oneTagWithACommaIsNotTwoTags() {
        Post two = new Post("posts/a.md", "a", "A", null, List.of("a", "b"), true, "", null, "", Map.of(), null, null);
        Post one = new Post("posts/a.md", "a", "A", null, List.of("a, b"), true, "", null, "", Map.of(), null, null);

        assertThat(SkipPlugin.key(one, "shared", "digest")).isNotEqualTo(SkipPlugin.key(two, "shared", "digest"));
        assertThat(SiteView.fingerprint(List.of(one)))
                .isNotEqualTo(SiteView.fingerprint(List.of(two)));
    }

    @Test
    void everyPagesKeyLeavesOutDescriptionValuesButNotTheirNamesNorOtherFields() {
        Post post = post(Map.of("long_description", "Long text.", "series", "s"));
        Post otherDescriptions = post(Map.of("long_description", "Other long text.", "series", "s"))
                .withDescription("Another short one.");
        Post otherSeries = post(Map.of("long_description", "Long text.", "series", "t"));
        Post noLongDescription = post(Map.of("series", "s"));
        Post descriptionAsOtherField = post(Map.of("long_description", "s", "series", "Long text."));

        String without = SiteView.fingerprintWithoutDescriptions(List.of(post));
        assertThat(SiteView.fingerprintWithoutDescriptions(List.of(otherDescriptions))).isEqualTo(without);
        assertThat(SiteView.fingerprint(List.of(otherDescriptions))).isNotEqualTo(SiteView.fingerprint(List.of(post)));
        assertThat(List.of(otherSeries, noLongDescription, descriptionAsOtherField))
                .extracting(other -> SiteView.fingerprintWithoutDescriptions(List.of(other)))
                .doesNotContain(without).doesNotHaveDuplicates();
    }
}
