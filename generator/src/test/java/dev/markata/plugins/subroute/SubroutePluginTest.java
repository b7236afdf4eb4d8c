package dev.markata.plugins.subroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.markata.config.ConfigException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubroutePluginTest {

    @TempDir
    Path dir;

    private Site site(String subroute) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Sub\"\nurl = \"https://example.com\"\n"
                        + "hooks = [\"default\", \"markata.plugins.subroute\"]\n" + subroute
                        + "[markata.feeds.all]\nfilter = \"True\"\n")
                .post("posts/first.md", "title: First\npublished: true", "See [[second]].")
                .post("posts/second.md", "title: Second\npublished: true", "Hello.")
                .post("posts/kept.md", "title: Kept\npublished: true\nslug: blog/already-here", "Here.");
    }

    private void build() throws Exception {
        Builds.withoutWarnings(dir);
    }

    @Test
    void postsAreServedUnderTheSubroute() throws Exception {
        site("subroute = \"blog\"\n");
        build();
        Site out = new Site(dir);
        assertThat(out.exists("markout/blog/first/index.html")).isTrue();
        assertThat(out.exists("markout/blog/second/index.html")).isTrue();
        assertThat(out.exists("markout/first/index.html")).isFalse();
        // a slug already under the subroute is kept, as markata keeps it
        assertThat(out.exists("markout/blog/already-here/index.html")).isTrue();
        assertThat(out.exists("markout/blog/blog/already-here/index.html")).isFalse();
        // links to the posts follow: wikilinks, feeds, the sitemap
        assertThat(Jsoup.parse(out.read("markout/blog/first/index.html")).select("article a[href]"))
                .extracting(a -> a.attr("href")).contains("/blog/second/");
        assertThat(Jsoup.parse(out.read("markout/all/index.html")).select("a[href]")).extracting(a -> a.attr("href"))
                .contains("/blog/first/", "/blog/second/", "/blog/already-here/");
        assertThat(out.read("markout/sitemap.xml")).contains("https://example.com/blog/first/");
    }

    @Test
    void slashesAroundTheSubrouteAndDeeperSubroutesWork() throws Exception {
        site("subroute = \"/docs/v1/\"\n");
        build();
        assertThat(new Site(dir).exists("markout/docs/v1/first/index.html")).isTrue();
        assertThat(new Site(dir).exists("markout/docs/v1/blog/already-here/index.html")).isTrue();
    }

    @Test
    void anEmptySubrouteChangesNothing() throws Exception {
        site("subroute = \"\"\n");
        build();
        assertThat(new Site(dir).exists("markout/first/index.html")).isTrue();
        assertThat(new Site(dir).exists("markout/blog/already-here/index.html")).isTrue();
    }

    @Test
    void twoPostsEndingOnOneSlugAreAnErrorNamingBoth() {
        site("subroute = \"blog\"\n").post("posts/clash.md", "title: Clash\npublished: true\nslug: blog/first", "x");
        Throwable error = catchThrowable(this::build);
        assertThat(error).hasMessageContaining("posts/first.md").hasMessageContaining("posts/clash.md")
                .hasMessageContaining("blog/first");
    }

    @Test
    void aSubrouteThatIsNoPathOfTheSiteStopsTheBuildNamingTheKey() {
        for (String bad : new String[] {"subroute = \"../up\"\n", "subroute = \"a b\"\n", "subroute = 3\n"}) {
            site(bad);
            ConfigException error = Builds.configError(dir);
            assertThat(error).as(bad).isNotNull();
            assertThat(error.getMessage()).as(bad).contains("subroute").contains("like \"blog\"");
        }
    }

    /** Every page's folder under {@code con/}: the site cannot be checked out on Windows, as a post's slug con. */
    @Test
    void aSubrouteWithAWindowsDeviceNameIsBuiltWithAWarning() throws Exception {
        site("subroute = \"docs/con\"\n");
        assertThat(Builds.warnings(dir)).containsExactly("[markata] subroute = \"docs/con\": \"con\" is a device name"
                + " on Windows (CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9, in any case and with any extension): the folder"
                + " of every post's page cannot be made there, so the site cannot be checked out or deployed from"
                + " Windows (Linux hosts serve it); if the site is ever handled on Windows, give the subroute another"
                + " name");
        assertThat(dir.resolve("markout/docs/con")).isDirectory();
    }

    @Test
    void changingTheSubrouteOnAWarmBuildGivesWhatACleanBuildGives() throws Exception {
        site("");
        build();
        for (String subroute : new String[] {"subroute = \"blog\"\n", "subroute = \"posts\"\n", ""}) {
            site(subroute);
            // pages of the old places stay in a warm output, as markata leaves them
            Builds.warmMatchesClean(dir, subroute);
        }
    }
}
