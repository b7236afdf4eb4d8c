package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.config.ConfigException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds of excerpts of sites that people made from markata's starters: github.com/mrparoxysms/my-blog
 * (commit bd1279aa, markata's blog starter of 2022: {@code [markata.auto_description.*]} lengths,
 * {@code [markata.feeds.<name>]} tables), github.com/wyattbubbylee/wyattbubbylee.com (commit 40473881, its
 * {@code markata.toml} and {@code templates/steam-game-card.html}, a card of a game's achievements) and
 * github.com/pypeaday/pype.dev (a post of {@code pages/blog/}, whose published source shows the
 * descriptions markata gave it) and github.com/nic-avant/working-notes (commit d32e9935, the blog starter of
 * 2022: {@code [markata.head]} entries that are templates, feeds filtered on {@code today}). What they ask of
 * markata must build here as with markata.
 */
class CommunitySitesTest {

    @TempDir
    Path dir;

    /** The first paragraphs of pype.dev's pages/blog/jellyfin-media-players.md. */
    private static final String JELLYFIN = """
            I use Jellyfin at home for serving up most of our media - movies and shows etc.

            My dream is to have a GPU capable of transcoding any and all of our media for smooth playback on any device...
            Now, I thought I'd have that by now with my Nvidia Quadro P400 however I have issues left and right with 4k content.

            What can I do to still use Jellyfin but get smooth playback?

            THe first answer is figure out why I suck with GPUs, but pausing that there's shorter solutions -> namely, \
            use a media player that's compatabile with the encoded content!
            """;

    /**
     * The blog starter asks for three descriptions, {@code [markata.auto_description.<name>] len = N}:
     * markata's auto_description gives each post one field per table, the text of its paragraphs
     * (not the first alone: pype.dev's post, whose first paragraph is one line, was described with
     * the next ones too) cut to that length at a word, with "…" (markata's current source; as
     * markata's {@code safe_truncate} gives for this text, checked with markdown-it-py).
     */
    @Test
    void eachConfiguredDescriptionIsThePostsTextCutToItsLength() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        glob_patterns = "pages/**/*.md"
                        post_template = "pages/templates/post.html"

                        ## markata.plugins.auto_description configuration
                        [markata.auto_description.description]
                        len=160
                        [markata.auto_description.long_description]
                        len=250
                        [markata.auto_description.super_description]
                        len=500
                        """)
                .write("pages/templates/post.html", """
                        <meta name="description" content="{{ description }}">
                        <p id="long">{{ post.long_description }}</p>
                        <p id="super">{{ post.super_description }}</p>
                        """)
                .post("pages/blog/jellyfin-media-players.md", "date: 2022-04-17\ntemplateKey: blog-post", JELLYFIN);

        assertThat(Builds.warnings(dir)).isEmpty();

        var page = Jsoup.parse(site.read("markout/jellyfin-media-players/index.html"));
        assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo("I use Jellyfin at home for "
                + "serving up most of our media - movies and shows etc. My dream is to have a GPU capable of transcoding "
                + "any and all of our media for…");
        assertThat(page.getElementById("long").text()).isEqualTo("I use Jellyfin at home for serving up most of "
                + "our media - movies and shows etc. My dream is to have a GPU capable of transcoding any and all of our "
                + "media for smooth playback on any device... Now, I thought I'd have that by now with my Nvidia Quadro…");
        assertThat(page.getElementById("super").text())
                .startsWith("I use Jellyfin at home").contains("What can I do to still use Jellyfin but get smooth playback? "
                        + "THe first answer is figure out why I suck with GPUs").hasSizeLessThanOrEqualTo(500).endsWith("…");
    }

    /**
     * A description the front matter gives is the post's, for every configured name: markata sets
     * one only where the post's own is missing or empty.
     */
    @Test
    void aDescriptionTheFrontMatterGivesIsKept() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        post_template = "descriptions.html"
                        [markata.auto_description.super_description]
                        len=500
                        """)
                .write("templates/descriptions.html", "{{ description }}|{{ long_description }}|{{ super_description }}")
                .post("posts/a.md", "description: Mine\nlong_description: My long one\nsuper_description: ''",
                        "Made from the text.");

        Builds.withoutWarnings(dir);

        assertThat(site.read("markout/a/index.html")).isEqualTo("Mine|My long one|Made from the text.");
    }

    /** markata fails on a description table without {@code len} (a KeyError); here the error says what is wanted. */
    @Test
    void aDescriptionWithoutALengthIsAnError() {
        new Site(dir).write("markata.toml", """
                [markata.auto_description.super_description]
                length = 500
                """);

        ConfigException error = Builds.configError(dir);

        assertThat(error).hasMessageContaining("[markata.auto_description.super_description]")
                .hasMessageContaining("len");
    }

    /**
     * wyattbubbylee.com's steam game card prints {@code "%.0f"|format(post.steam.completion_percentage)}:
     * Python rounds 12.5 to the even 12, as Jinja2 renders the card.
     */
    @Test
    void aCardsPercentageIsRoundedAsPythonRoundsIt() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata.glob]
                        glob_patterns = "pages/**/*.md"

                        [[markata.feeds]]
                        slug='steam'
                        filter="'steam' in tags"
                        card_template="steam-game-card.html"
                        """)
                .write("templates/steam-game-card.html", """
                        <li class="steam-game-card group {{ post.templatekey }} h-entry hentry">
                            {% if (post.steam.completion_percentage or 0) > 5 %}
                            <span>{{ "%.0f"|format(post.steam.completion_percentage or 0) }}%</span>
                            {% endif %}
                            <span>{{ "%.1f"|format(post.steam.completion_percentage or 0) }}% Complete</span>
                            <p>{{ "%.1f"|format(post.steam.playtime_hours or 0) }}h</p>
                            <p>{{ post.steam.last_played[:7] if post.steam.last_played else 'Never' }}</p>
                            {% set achievements = post.steam.achievements|default([]) %}
                            {% set unlocked = achievements|selectattr('achieved', 'equalto', 1)|list %}
                            <span>{{ unlocked|length }} unlocked</span>
                        </li>
                        """)
                .post("pages/terraria.md", """
                        title: "Terraria"
                        date: "2025-06-01"
                        templateKey: steam_achievement
                        steam:
                          game: "Terraria"
                          app_id: 105600
                          total_achievements: 8
                          unlocked_achievements: 1
                          completion_percentage: 12.5
                          playtime_hours: 31.45
                          last_played: "2025-06-01"
                          achievements: [{"apiname": "A", "achieved": 1}, {"apiname": "B", "achieved": 0}]
                        tags: ["steam-game", "steam", "game", "terraria"]
                        slug: "steam/terraria\"""", "A game.");

        Builds.withoutWarnings(dir);

        // as Jinja2 renders the card (markata's trim_blocks and lstrip_blocks)
        assertThat(site.read("markout/steam/index.html")).contains("""
                <li class="steam-game-card group  h-entry hentry">
                    <span>12%</span>
                    <span>12.5% Complete</span>
                    <p>31.4h</p>
                    <p>2025-06</p>
                    <span>1 unlocked</span>
                </li>
                """);
    }

    /**
     * working-notes' head gives every page {@code <link rel="canonical" href="{{ config.url }}/{{ slug + '/' if
     * slug != 'index' else '' }}">} and {@code og:url} {@code "{{ config.url }}/{{ slug }}/"}: a feed page is at
     * its feed's slug (markata renders it with {@code post} the feed's config, whose {@code slug} that is), where
     * the link said {@code /null/} before.
     */
    @Test
    void aHeadTemplateOnAFeedPageSeesTheFeedsSlug() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        glob_patterns = "pages/**/*.md"
                        url = "http://localhost:8008"

                        [[markata.head.link]]
                        href="{{ config.url }}/{{ slug + '/' if slug != 'index' else '' }}"
                        rel="canonical"

                        [[markata.head.meta]]
                        name="og:url"
                        content="{{ config.url }}/{{ slug }}/"

                        [[markata.head.meta]]
                        name="og:image:width"
                        content=1200

                        [markata.feeds.draft]
                        filter="date>today or not post.get('published', False)"
                        sort="date"
                        reverse="True"
                        """)
                .post("pages/jira/serverless-databricks-privatelink.md",
                        "date: 2022-09-01 1:00:00\ntitle: Serverless Databricks with PrivateLink\npublished: True",
                        "We want to query some databases.")
                .post("pages/future.md", "date: 2099-01-01\ntitle: Future Post", "Coming soon.");

        Builds.withoutWarnings(dir);

        var feed = Jsoup.parse(site.read("markout/draft/index.html"));
        assertThat(feed.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8008//draft/");
        assertThat(feed.selectFirst("meta[name=og:url]").attr("content")).isEqualTo("http://localhost:8008//draft/");
        assertThat(feed.select("a[href=/future/]")).hasSize(1);
        var post = Jsoup.parse(site.read("markout/serverless-databricks-privatelink/index.html"));
        assertThat(post.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo("http://localhost:8008//serverless-databricks-privatelink/");
        assertThat(post.selectFirst("meta[name=og:image:width]").attr("content")).isEqualTo("1200");
    }
}
