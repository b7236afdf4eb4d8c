package dev.markata.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site's address with a path after it: markata joins {@code str(config.url)} (pydantic's
 * AnyUrl, a bare host ending with {@code /}) and {@code "/" + slug} alike in its feeds, its seo
 * tags and its dev.to copies; here the three drop the address's trailing slashes by one rule
 * ({@link SiteConfig#baseUrl}), so a post has one address whichever file names it. They dropped
 * one slash (feeds, dev.to) or all (seo), and the feeds kept spaces seo did not.
 */
class SiteUrlTest {

    @TempDir
    Path dir;

    @Test
    void theFeedsTheSeoTagsAndTheDevToCopyNameOnePostByOneAddress() throws Exception {
        Site site = new Site(dir).write("markata.toml", """
                [markata]
                title = "T"
                url = "https://t.example//"
                hooks = ["default", "markata.plugins.seo", "markata.plugins.publish_dev_to_source"]
                """).post("posts/a.md", "title: A\ndate: 2024-01-02\npublished: true", "A.");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/rss.xml")).contains("<link>https://t.example/a/</link>")
                .doesNotContain("https://t.example//");
        assertThat(site.read("markout/sitemap.xml")).contains("<loc>https://t.example/a/</loc>");
        assertThat(site.read("markout/a/index.html")).contains("content=\"https://t.example/a/\"")
                .doesNotContain("https://t.example//");
        assertThat(site.read("markout/a/dev.md")).contains("canonical_url: https://t.example/a/");
    }

    @Test
    void theBaseIsTheAddressWithoutTheSpaceAndSlashesAtItsEnd() {
        assertThat(SiteConfig.baseUrl(" https://t.example/ ")).isEqualTo("https://t.example");
        assertThat(SiteConfig.baseUrl("https://t.example/blog//")).isEqualTo("https://t.example/blog");
        assertThat(SiteConfig.baseUrl("https://t.example")).isEqualTo("https://t.example");
        assertThat(SiteConfig.baseUrl("")).isEmpty();
    }
}
