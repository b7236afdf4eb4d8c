package dev.markata.plugins.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.Markata;
import dev.markata.lifecycle.BuildException;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
                                + "{% endfor %}|{% for p in markata.posts|sort(attribute='date', reverse=True) %}"
                                + "{{ p.title }},{% endfor %}");
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
                .contains("Evening,Morning,Older,|Evening,Morning,Older,List,");
    }

    @Test
    void templatesSeeTodayAndNowAsMarkatasPostsHaveThem() throws Exception {
        // markata's Post: today = date.today(), now = datetime.utcnow() (naive, in UTC)
        Site site = site("").write("templates/post.html",
                        "{{ post.today }}|{{ post.today.isoformat() }}|{{ post.now.isoformat() }}|{{ post.now.tzinfo }}")
                .post("posts/a.md", "date: 2024-04-30", "x")
                .write("templates/own.html", "{{ post.today }}|")
                .post("posts/own.md", "date: 2024-04-30\ntoday: its own\ntemplate: own.html", "x");
        LocalDate dayBefore = LocalDate.now();
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        build();
        LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC);

        String[] parts = site.read("markout/a/index.html").split("\\|", -1);
        assertThat(parts[0]).isEqualTo(parts[1]).isIn(dayBefore.toString(), LocalDate.now().toString());
        LocalDateTime now = LocalDateTime.parse(parts[2]);
        assertThat(now).isBetween(before, after);
        assertThat(parts[3]).as("naive, as utcnow() is").isEmpty();
        assertThat(site.read("markout/own/index.html")).startsWith("its own|");
    }

    @Test
    void templatesSeeTheTimeAndZoneAndADateAlonePrintsAsBefore() throws Exception {
        Site site = site("").write("templates/post.html", "{{ post.date }}|{{ post.date.strftime('%H:%M %z') }}|"
                        + "{{ post.datetime }}|{{ post.date_time }}|{{ post.datetime.strftime('%d %b %Y %H:%M') }}|"
                        + "{{ post.date|datetimeformat('%Y/%m/%d %H:%M') }}")
                .post("posts/day.md", "date: 2024-04-30", "x")
                .post("posts/naive.md", "date: 2024-05-01 09:00", "x")
                .post("posts/zoned.md", "date: 2024-05-01T18:30:00+02:00", "x")
                .post("posts/fraction.md", "date: 2024-05-01 10:30:00.5", "x");
        build();

        assertThat(site.read("markout/day/index.html")).isEqualTo("2024-04-30|00:00 +0000|2024-04-30 00:00:00+00:00|"
                + "2024-04-30 00:00:00|30 Apr 2024 00:00|2024/04/30 00:00");
        assertThat(site.read("markout/naive/index.html")).isEqualTo("2024-05-01|09:00 +0000|2024-05-01 09:00:00+00:00|"
                + "2024-05-01 09:00:00|01 May 2024 09:00|2024/05/01 09:00");
        assertThat(site.read("markout/zoned/index.html")).isEqualTo("2024-05-01|18:30 +0200|2024-05-01 18:30:00+02:00|"
                + "2024-05-01 18:30:00+02:00|01 May 2024 18:30|2024/05/01 18:30");
        assertThat(site.read("markout/fraction/index.html")).isEqualTo("2024-05-01|10:30 +0000|"
                + "2024-05-01 10:30:00.500000+00:00|2024-05-01 10:30:00.500000|01 May 2024 10:30|2024/05/01 10:30");
    }

    @Test
    void aFeedFilterComparesTheDateAndTimeWithNowAsMarkatasDoes() throws Exception {
        // markata's filters see the post's fields, date_time among them: "date_time <= now" leaves out
        // posts scheduled later, even later today
        Site site = site("""
                [[markata.feeds]]
                slug = "out"
                title = "Out"
                filter = "date_time <= now and published"
                """)
                .post("posts/past.md", "title: Past\ndate: 2024-05-01 09:00\npublished: true", "x")
                .post("posts/zoned.md", "title: Zoned\ndate: 2024-05-01T09:00:00+02:00\npublished: true", "x")
                .post("posts/later.md", "title: Later\ndate: 2999-01-01 10:00\npublished: true", "x")
                .post("posts/undated.md", "title: Undated\npublished: true", "x");
        build();

        assertThat(all(site.read("markout/out/rss.xml"), "<item>\\s*<title>([^<]*)</title>"))
                .containsExactlyInAnyOrder("Past", "Zoned");
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

    /**
     * A site built before dates kept their times, with its caches and pages, built again with its
     * files as they were: dates that are days print as before, so only the caches' versions keep
     * the skip cache from leaving the page, and the render cache the body, made without
     * {@code post.datetime}. (The load cache's posts have another format now, which its version
     * keeps out too; LoadCacheTest reads a time and zone back.)
     */
    @Test
    void aSiteBuiltWithTheOldCachesGetsTheNewFields() throws Exception {
        copyFixture("built-by-load-cache-7");
        stampCachedPostsAsUnchanged(dir.resolve(".markata.cache/load"));
        Site site = new Site(dir);
        build();

        assertThat(site.read("markout/day/index.html")).startsWith("<p>Day|2024-05-01|2024-05-01 00:00:00+00:00</p>");
        assertThat(site.read("markout/jinja/index.html")).contains("Written 2024-04-30 00:00:00+00:00.");
        assertThat(warnings.messages).noneMatch(m -> m.contains("cache"));
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The fixture's caches and pages under the names a site has ({@code .markata.cache}, {@code markout}). */
    private void copyFixture(String name) throws IOException, URISyntaxException {
        Path fixture = Path.of(FrontMatterDatesTest.class.getResource("/dates/" + name).toURI());
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = fixture.relativize(file).toString().replace('\\', '/');
                if (relative.equals("README.md")) {
                    continue;
                }
                relative = relative.replaceFirst("^markata-cache/", ".markata.cache/").replaceFirst("^output/", "markout/");
                Path target = dir.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /**
     * Writes each cached post's file's stamp (size, times, inode) over the one the cache holds,
     * as if the file had not changed since the old build: only the cache's version can keep the
     * old post out.
     */
    private void stampCachedPostsAsUnchanged(Path loadCache) throws IOException {
        try (Stream<Path> shards = Files.list(loadCache)) {
            for (Path shard : shards.toList()) {
                ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(shard));
                skipText(bytes); // the cache's version
                int count = bytes.getInt();
                for (int i = 0; i < count; i++) {
                    String document = text(bytes);
                    SourceStamp stamp = SourceStamp.of(dir.resolve(document));
                    bytes.putLong(stamp.size()).putLong(stamp.modifiedNanos()).putLong(stamp.changedNanos())
                            .putLong(stamp.inode());
                    int length = bytes.getInt();
                    bytes.getInt(); // the payload's checksum
                    bytes.position(bytes.position() + length);
                }
                Files.write(shard, bytes.array());
            }
        }
    }

    private static void skipText(ByteBuffer bytes) {
        text(bytes);
    }

    private static String text(ByteBuffer bytes) {
        byte[] text = new byte[bytes.getInt() >>> 1];
        bytes.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
