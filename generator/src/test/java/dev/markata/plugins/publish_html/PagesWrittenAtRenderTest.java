package dev.markata.plugins.publish_html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.content.Post;
import dev.markata.lifecycle.BuildException;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.testing.Plugins;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post's page is written by the render task that made it when no plugin reads pages after
 * render ({@code PluginSetup.readsPages}, or a post_render hook): 10,000 pages then do not wait in
 * memory from render until save. A plugin that says it reads them sees them at save as before, and
 * the output is the same either way.
 */
class PagesWrittenAtRenderTest {

    @TempDir
    Path dir;
    Site site;
    final Warnings warnings = new Warnings();

    @BeforeEach
    void site() {
        site = new Site(dir);
        for (int i = 0; i < 6; i++) {
            site.post("posts/p" + i + ".md", "title: Post " + i + "\ndate: 2024-01-1" + i + "\npublished: true",
                    "Body " + i + ".");
        }
        site.post("posts/odd.md", "title: Odd\noutput_html: ../outside.html", "Odd one.");
        site.write("markata.toml", "[markata]\nhooks = [\"default\", \"t.save_reader\"]\n"
                + "[markata.post_template]\nindex = \"post.html\"\npartial = \"post_partial.html\"\n");
        site.write("templates/post_partial.html", "<article>{{ body }}</article>\n");
    }

    /** Notes, at the start of save, each post's page and whether its file is already written. */
    static final class SaveReader implements Plugin {
        final boolean reads;
        final Map<String, String> pages = new ConcurrentHashMap<>();
        final Map<String, Boolean> fileThere = new ConcurrentHashMap<>();

        SaveReader(boolean reads) {
            this.reads = reads;
        }

        @Override
        public String id() {
            return "t.save_reader";
        }

        @Override
        public void register(PluginSetup setup) {
            if (reads) {
                setup.readsPages();
            }
            setup.hook(Stage.SAVE, Priority.FIRST, context -> {
                for (Post post : context.posts()) {
                    pages.put(post.path(), reads ? String.valueOf(post.page()) : "written: " + post.pageWritten());
                    fileThere.put(post.path(), Files.exists(context.site().outputDir().resolve(post.outputPath())));
                }
            });
        }
    }

    private BuildResult build(Plugin reader, boolean keepPages) throws Exception {
        Markata.Builder builder = Markata.builder(dir).environment(Map.of("MARKATA_WORKERS", "2"))
                .plugins(Plugins.builtInPlus(reader)).reporter(warnings);
        if (keepPages) {
            builder.keepPages();
        }
        return builder.open().build();
    }

    @Test
    void withNoReaderEachPageAndItsOtherOutputsAreWrittenAtRenderAndNotKept() throws Exception {
        SaveReader reader = new SaveReader(false);
        BuildResult result = build(reader, false);

        assertThat(reader.pages).hasSize(7).allSatisfy((path, page) -> assertThat(page).isEqualTo("written: true"));
        assertThat(reader.fileThere).hasSize(7).allSatisfy((path, there) -> assertThat(there).isTrue());
        assertThat(result.posts()).allSatisfy(post -> assertThat(post.pageWritten()).isTrue());
        assertThat(site.read("markout/p1/index.html")).contains("<!DOCTYPE html>").contains("Body 1.");
        assertThat(site.read("markout/p1/partial/index.html")).isEqualTo("<article><p>Body 1.</p>\n</article>\n");
        // the output_html that cannot be used is said once, as when the page was written at save
        assertThat(warnings.messages).filteredOn(m -> m.contains("output_html")).containsExactly(
                "posts/odd.md: output_html = \"../outside.html\" is not a file inside the output folder; the page is"
                        + " written to odd/index.html");
    }

    @Test
    void aPluginThatReadsPagesSeesThemAtSaveAndTheOutputIsTheSame() throws Exception {
        SaveReader early = new SaveReader(false);
        build(early, false);
        Map<String, String> writtenAtRender = site.files("markout");
        site.delete("markout").delete(".markata.cache");

        SaveReader reader = new SaveReader(true);
        build(reader, false);

        assertThat(reader.pages.get("posts/p1.md")).contains("<!DOCTYPE html>").contains("Body 1.");
        assertThat(reader.fileThere).allSatisfy((path, there) -> assertThat(there).isFalse());
        assertThat(site.files("markout")).isEqualTo(writtenAtRender);
    }

    /** Reads each post's page in save, as a plugin that forgot {@code setup.readsPages()} does. */
    static final class ForgetfulReader implements Plugin {
        @Override
        public String id() {
            return "t.save_reader";
        }

        @Override
        public void register(PluginSetup setup) {
            setup.hook(Stage.SAVE, context -> {
                for (Post post : context.posts()) {
                    if (post.path().equals("posts/p3.md")) {
                        post.page(); // a search index of the pages, say
                    }
                }
            });
        }
    }

    @Test
    void aPluginThatReadsPagesInSaveWithoutSayingSoFailsTheBuildNamingItAndTheFix() throws Exception {
        assertThatThrownBy(() -> build(new ForgetfulReader(), false))
                .isInstanceOf(BuildException.class)
                .hasMessage("build failed in stage save, plugin t.save_reader:\n"
                        + "  posts/p3.md: its page was read after render, and this build kept no page: publish_html"
                        + " wrote each page in render, as no plugin said that it reads pages later. A plugin that"
                        + " reads or changes pages after post_template says so in its setup: setup.readsPages()"
                        + " (a program that reads a build's pages opens it with Markata.Builder.keepPages())");
        // every page was written whole before save, and the post keeps none: the reader is the error
        assertThat(site.read("markout/p3/index.html")).contains("Body 3.");
    }

    @Test
    void aPostRenderHookSeesPagesWithoutSayingSo() throws Exception {
        Plugin marker = new Plugin() {
            @Override
            public String id() {
                return "t.save_reader";
            }

            @Override
            public void register(PluginSetup setup) {
                setup.hook(Stage.POST_RENDER, context -> context.updatePosts(post ->
                        post.page() == null ? post : post.withPage(post.page() + "<!-- seen -->")));
            }
        };
        build(marker, false);

        assertThat(site.read("markout/p1/index.html")).endsWith("<!-- seen -->");
    }

    @Test
    void aBuildOpenedToKeepPagesGivesThemInItsResult() throws Exception {
        BuildResult result = build(new SaveReader(false), true);

        assertThat(result.posts()).filteredOn(post -> post.path().equals("posts/p1.md")).singleElement()
                .satisfies(post -> assertThat(post.page()).isEqualTo(site.read("markout/p1/index.html")));
    }
}
