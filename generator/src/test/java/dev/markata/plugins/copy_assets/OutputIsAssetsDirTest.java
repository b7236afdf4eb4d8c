package dev.markata.plugins.copy_assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code output_dir} the same folder as {@code assets_dir}, as image sites built with markata
 * have it (the pages are written beside the images they show): markata copies the folder onto
 * itself, which leaves it as it is, and writes its pages there. Here it was refused. The assets
 * are the author's: the copy is nothing, a build removes only files an earlier build wrote there
 * and no longer makes, and an {@code index.html} an earlier build wrote is no home page of the
 * author's.
 */
class OutputIsAssetsDirTest {

    @TempDir
    Path dir;

    private Site site() {
        Site site = new Site(dir);
        site.write("markata.toml", """
                [markata]
                title = "Images"
                url = "https://images.example"
                output_dir = "static"
                assets_dir = "static"
                """);
        site.write("static/cat.jpg", "a cat");
        site.write("static/albums/dog.jpg", "a dog");
        site.post("posts/cat.md", "title: Cat\ndate: 2024-01-02\npublished: true", "![cat](/cat.jpg)");
        site.post("posts/dog.md", "title: Dog\ndate: 2024-01-03\npublished: true", "![dog](/albums/dog.jpg)");
        return site;
    }

    @Test
    void pagesAreWrittenBesideTheAssetsWhichStayAsTheyAre() throws Exception {
        Site site = site();
        Builds.withoutWarnings(dir);
        assertThat(site.read("static/cat/index.html")).contains("/cat.jpg");
        assertThat(site.read("static/cat.jpg")).isEqualTo("a cat");
        assertThat(site.read("static/albums/dog.jpg")).isEqualTo("a dog");
        assertThat(site.read("static/index.html")).contains("Cat", "Dog");

        // a warm build: the home page it wrote is still its own (not taken for the author's), the assets untouched
        Builds.withoutWarnings(dir);
        assertThat(site.read("static/index.html")).contains("Cat", "Dog");
        assertThat(site.read("static/cat.jpg")).isEqualTo("a cat");
        // the highlight.css it wrote is not taken for the author's asset (and then removed as stale)
        assertThat(site.read("static/highlight.css")).contains(".highlight {");
        Builds.withoutWarnings(dir);
        assertThat(site.read("static/highlight.css")).contains(".highlight {");

        // a post withdrawn: its page goes, no asset does
        site.delete("posts/dog.md");
        Builds.withoutWarnings(dir);
        assertThat(site.exists("static/dog/index.html")).isFalse();
        assertThat(site.read("static/albums/dog.jpg")).isEqualTo("a dog");
        assertThat(site.read("static/cat.jpg")).isEqualTo("a cat");
        assertThat(site.read("static/index.html")).contains("Cat").doesNotContain("Dog");
    }

    @Test
    void theAuthorsOwnHomePageThereStaysTheHomePage() throws Exception {
        Site site = site();
        site.write("static/index.html", "<h1>my gallery</h1>");
        Builds.withoutWarnings(dir);
        Builds.withoutWarnings(dir);
        assertThat(site.read("static/index.html")).isEqualTo("<h1>my gallery</h1>");
    }
}
