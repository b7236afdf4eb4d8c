package dev.markata.plugins.publish_source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.config.ConfigException;
import dev.markata.lifecycle.BuildException;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole builds with {@code markata.plugins.publish_source}: the files, their text, and warm builds. */
class PublishSourcePluginTest {

    @TempDir
    Path dir;

    private Site site(String extraConfig) {
        return new Site(dir)
                .write("markata.toml", """
                        [markata]
                        title = "Site"
                        hooks = ["default", "markata.plugins.publish_source"]
                        %s
                        """.formatted(extraConfig))
                .post("posts/my-post.md", "title: My post\ndate: 2024-05-01\npublished: true\ntags: [a, b]",
                        "Hello *world*.")
                .post("posts/deep.md", "title: Deep\nslug: blog/deeper", "In a folder.")
                .post("posts/home.md", "title: Home\nslug: index", "Welcome.");
    }

    private BuildResult build(Warnings warnings) throws Exception {
        return Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
    }

    private BuildResult build() throws Exception {
        Warnings warnings = new Warnings();
        BuildResult result = build(warnings);
        assertThat(warnings.messages).isEmpty();
        return result;
    }

    private String read(String path) {
        return new Site(dir).read("markout/" + path);
    }

    @Test
    void eachPostsSourceIsBesideItsPageUnderMarkatasFileName() throws Exception {
        site("");
        build();
        // the folder of the slug's parent and the source file's name
        assertThat(new Site(dir).exists("markout/my-post.md")).isTrue();
        assertThat(new Site(dir).exists("markout/blog/deep.md")).isTrue();
        assertThat(new Site(dir).exists("markout/home.md")).isTrue();
        String source = read("my-post.md");
        // markata's post model fields, sorted, the page as html, then the body as loaded (from the
        // line after the front matter's ---, as markata splits it, and stripped, as its post
        // model strips content)
        assertThat(source).startsWith("---\ncontent: Hello *world*.\ndate: 2024-05-01\n"
                + "description: Hello world.\nhtml: \"<!DOCTYPE html>\\n");
        assertThat(source).endsWith("\npublished: true\nslug: my-post\ntitle: My post\n\n\n---\n\nHello *world*.");
        assertThat(source).contains("<h1>My post</h1>");
    }

    @Test
    void theIncludedFieldsAreTheSitesPostModel() throws Exception {
        site("[markata.post_model]\ninclude = [\"title\", \"tags\", \"not_a_field\"]");
        build();
        assertThat(read("my-post.md")).isEqualTo("---\ntags:\n- a\n- b\ntitle: My post\n\n\n---\n\nHello *world*.");
    }

    @Test
    void anUnchangedSourceIsNotWrittenAgain() throws Exception {
        site("");
        build();
        Path file = dir.resolve("markout/my-post.md");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        new Site(dir).delete(".markata.cache"); // every page rendered again, to the same text
        build();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }

    @Test
    void aSlugThatClimbsOutOfTheOutputFolderIsAnErrorNamingThePost() throws Exception {
        new Site(dir).write("markata.toml", """
                        [markata]
                        hooks = ["markata.plugins.glob", "markata.plugins.load", "test.raw_slug",
                                 "markata.plugins.publish_source"]
                        """)
                .post("posts/ok.md", "title: Ok", "Fine.")
                .post("posts/out.md", "title: Out\nraw_slug: ../../elsewhere/x", "Out.");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(new Warnings()));
        assertThat(error.failure().pluginId()).isEqualTo(PublishSourcePlugin.ID);
        assertThat(error.failure().problems()).extracting(BuildFailure.Problem::message).singleElement()
                .satisfies(message -> assertThat(message).startsWith("posts/out.md: slug \"../../elsewhere/x\"")
                        .contains("not a file path inside the output folder"));
        assertThat(Files.exists(dir.resolve("elsewhere"))).isFalse();
        assertThat(Files.exists(dir.getParent().resolve("elsewhere"))).isFalse();
    }

    @Test
    void twoPostsWithOneFileWriteTheLastOnesWithAWarning() throws Exception {
        site("").post("drafts/my-post.md", "title: Draft\nslug: draft", "The draft.")
                .write("markata.toml", new Site(dir).read("markata.toml")
                        + "[markata.glob]\nglob_patterns = [\"posts/*.md\", \"drafts/*.md\"]\n");
        Warnings warnings = new Warnings();
        build(warnings);
        assertThat(warnings.messages).singleElement().satisfies(message -> assertThat(message)
                .contains("drafts/my-post.md").contains("posts/my-post.md").contains("my-post.md"));
        // the last in source order (drafts/ before posts/), whichever post a warm build renders
        String last = read("my-post.md");
        assertThat(last).contains("Hello *world*.");
        new Site(dir).post("drafts/my-post.md", "title: Draft\nslug: draft", "The draft, edited.");
        build(new Warnings());
        assertThat(read("draft/index.html")).contains("The draft, edited.");
        assertThat(read("my-post.md")).isEqualTo(last);
    }

    @Test
    void aWrongIncludeIsAConfigurationErrorNamingTheKey() {
        site("[markata.post_model]\ninclude = 3");
        ConfigException error = catchThrowableOfType(
                () -> Markata.builder(dir).environment(Map.of()).reporter(new Warnings()).open(), ConfigException.class);
        assertThat(error.getMessage()).contains("[markata.post_model] include").contains("list of strings");
    }

    /** The warm output is the clean build's, plus files a clean build does not make (left, as markata leaves them). */
    private void sameAsACleanBuild(List<String> leftBehind) throws Exception {
        Map<String, String> warm = new Site(dir).files("markout");
        new Site(dir).delete("markout").delete(".markata.cache");
        build();
        Map<String, String> clean = new Site(dir).files("markout");
        leftBehind.forEach(warm::remove);
        assertThat(warm).isEqualTo(clean);
    }

    @Test
    void warmBuildsWriteWhatACleanBuildWrites() throws Exception {
        site("");
        build();
        new Site(dir).post("posts/my-post.md", "title: Renamed\ndescription: Described\ndate: 2024-05-01", "New body.");
        build();
        assertThat(read("my-post.md")).contains("title: Renamed").endsWith("\n\nNew body.");
        sameAsACleanBuild(List.of());
        site("[markata.post_model]\ninclude = [\"title\", \"slug\"]");
        build();
        assertThat(read("deep.md".replace("deep", "blog/deep"))).startsWith("---\nslug: blog/deeper\ntitle: Deep\n");
        sameAsACleanBuild(List.of());
        new Site(dir).write("markata.toml", new Site(dir).read("markata.toml")
                .replace(", \"markata.plugins.publish_source\"", ""));
        build();
        sameAsACleanBuild(List.of("my-post.md", "blog/deep.md", "home.md"));
        site("");
        build();
        sameAsACleanBuild(List.of());
    }
}
