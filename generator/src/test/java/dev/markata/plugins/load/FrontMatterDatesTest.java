package dev.markata.plugins.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.Markata;
import dev.markata.lifecycle.BuildException;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Front-matter dates as a blog moved over from markata has them: a time of day and a zone,
 * markata's other forms, and what feeds, templates and caches make of them.
 */
class FrontMatterDatesTest {

    @TempDir
    Path dir;

    private final Warnings warnings = new Warnings();

    private void build() throws Exception {
        Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
    }

    private Site site(String feeds) {
        return new Site(dir).write("markata.toml", """
                [markata]
                title = "Dates"
                url = "https://dates.example"
                """ + feeds);
    }

    @Test
    void postsOfOneDayFollowTheirTimesAndFeedsPrintTheTimeAndZone() throws Exception {
        // paths and titles in the opposite order of the times: only the times can order them
        Site site = site("""
                [[markata.feeds]]
                slug = "latest"
                title = "Latest"
                filter = "published"
                sort = "date"
                reverse = true
                """)
                .post("posts/morning.md", "title: Morning\ndate: 2024-05-01 09:00\npublished: true", "Early.")
                .post("posts/z-evening.md", "title: Evening\ndate: 2024-05-01T18:30:00+02:00\npublished: true", "Late.")
                .post("posts/older.md", "title: Older\ndate: 2024-04-30\npublished: true", "Before.")
                .post("posts/list.md", "title: List\njinja: true",
                        "{% for t in markata.map('title', filter='published', sort='date', reverse=True) %}{{ t }},"
                                + "{% endfor %}|");
        build();

        String rss = site.read("markout/latest/rss.xml");
        assertThat(all(rss, "<item>\\s*<title>([^<]*)</title>")).containsExactly("Evening", "Morning", "Older");
        assertThat(all(rss, "<pubDate>([^<]*)</pubDate>")).containsExactly(
                "Wed, 01 May 2024 18:30:00 +0200", "Wed, 01 May 2024 09:00:00 +0000", "Tue, 30 Apr 2024 00:00:00 +0000");
        assertThat(all(site.read("markout/latest/atom.xml"), "<updated>([^<]*)</updated>")).containsExactly(
                "2024-05-01T18:30:00+02:00", // the feed: its newest post
                "2024-05-01T18:30:00+02:00", "2024-05-01T09:00:00Z", "2024-04-30T00:00:00Z");
        Map<String, String> lastmod = new LinkedHashMap<>();
        Matcher url = Pattern.compile("<loc>https://dates.example/([^<]*)</loc>\\s*<lastmod>([^<]*)</lastmod>")
                .matcher(site.read("markout/sitemap.xml"));
        while (url.find()) {
            lastmod.put(url.group(1), url.group(2));
        }
        assertThat(lastmod).containsExactlyInAnyOrderEntriesOf(Map.of("older/", "2024-04-30",
                "morning/", "2024-05-01T09:00:00Z", "z-evening/", "2024-05-01T18:30:00+02:00"));
        assertThat(site.read("markout/list/index.html"))
                .contains("Evening,Morning,Older,|");
    }

    @Test
    void markatasOtherDateFormsAreRead() throws Exception {
        Site site = site("")
                .post("posts/us.md", "title: US\ndate: 05/01/2024\npublished: true", "x")
                .post("posts/epoch.md", "title: Epoch\ndate: 1714559400\npublished: true", "x")
                .post("posts/rfc.md", "title: RFC\ndate: Wed, 01 May 2024 10:30:00 -0500\npublished: true", "x")
                .post("posts/words.md", "title: Words\ndate: May 1, 2024 10:30 PM\npublished: true", "x");
        build();

        String atom = site.read("markout/archive/atom.xml");
        Map<String, String> updated = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("<entry>\\s*<title>([^<]*)</title>.*?<updated>([^<]*)</updated>", Pattern.DOTALL)
                .matcher(atom);
        while (entry.find()) {
            updated.put(entry.group(1), entry.group(2));
        }
        assertThat(updated).containsExactlyInAnyOrderEntriesOf(Map.of("US", "2024-05-01T00:00:00Z",
                "Epoch", "2024-05-01T10:30:00Z", "RFC", "2024-05-01T10:30:00-05:00", "Words", "2024-05-01T22:30:00Z"));
    }

    @Test
    void datesThatWouldChangeWithTheDayOfTheBuildOrMeanTwoThingsAreRefusedWithTheReason() {
        site("").post("posts/yesterday.md", "title: Y\ndate: yesterday", "x")
                .post("posts/month.md", "title: M\ndate: May 2024", "x")
                .post("posts/bst.md", "title: B\ndate: 2024-05-01 10:30 BST", "x")
                .post("posts/short.md", "title: S\ndate: 5/1/24", "x");
        BuildException error = catchThrowableOfType(BuildException.class, this::build);
        assertThat(error.failure().problems()).extracting(BuildFailure.Problem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("posts/bst.md:3: front matter date = 2024-05-01 10:30 BST: has the zone"
                        + " BST, which names more than one zone"),
                m -> assertThat(m).startsWith("posts/month.md:3: front matter date = May 2024: has no day of the month"),
                m -> assertThat(m).startsWith("posts/short.md:3: front matter date = 5/1/24: needs a four-digit year"),
                m -> assertThat(m).startsWith("posts/yesterday.md:3: front matter date = yesterday: must be a date like"
                        + " 2024-05-01, not one relative to the day of the build"));
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
