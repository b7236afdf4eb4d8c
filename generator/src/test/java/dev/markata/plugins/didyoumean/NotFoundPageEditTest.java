package dev.markata.plugins.didyoumean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 404 page (didyoumean) lists every page's address and title: an edit of a post's prose,
 * which changes its descriptions, leaves it as it is (kept, not made again); a template of the
 * site's that shows posts' descriptions or bodies through {@code markata} has it made again when
 * they change. Each step checks that the warm build made what a clean build makes.
 */
class NotFoundPageEditTest {

    @TempDir
    Path dir;

    private static final String A = "title: A\ndate: 2024-01-01\npublished: true";
    /** A first paragraph longer than every description, so an edit after it changes none of them. */
    private static final String LONG = "Alpha. " + "alpha words here ".repeat(40);

    private Site site() {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Notes\"\n")
                .post("posts/a.md", A, "Alpha.\n\nalpha words here")
                .post("posts/b.md", "title: B\ndate: 2024-02-01\npublished: true", "Beta.\n\nbeta words here");
    }

    private void writeA(String frontMatter, String body) {
        new Site(dir).post("posts/a.md", frontMatter, body);
    }

    /** The key the 404 page was last made under (changed: made again; unchanged: kept). */
    private String storedKey() {
        return new Site(dir).read(".markata.cache/" + DidYouMeanPlugin.KEYS_FILE);
    }

    private String page() {
        return new Site(dir).read("markout/404.html");
    }

    private void warmBuild(String step) throws Exception {
        Builds.warmMatchingClean(dir, step, Builds::withoutWarnings);
    }

    @Test
    void anEditOfAPostsProseKeepsTheBuiltInPage() throws Exception {
        site();
        Builds.withoutWarnings(dir);
        String made = storedKey();

        writeA(A, "Alpha.\n\nalpha words edited");
        warmBuild("a's prose edited");
        assertThat(storedKey()).as("kept, not made again").isEqualTo(made);

        writeA(A + "\ndescription: A written description", "Alpha.\n\nalpha words edited");
        warmBuild("a's description written");
        assertThat(storedKey()).isEqualTo(made);

        writeA(A.replace("title: A", "title: A2"), "Alpha.\n\nalpha words edited");
        warmBuild("a retitled");
        assertThat(storedKey()).isNotEqualTo(made);
        assertThat(page()).contains("\"A2\"");
    }

    @Test
    void aPageShowingPostsDescriptionsFollowsTheirProse() throws Exception {
        site().write("templates/404.html", "<ul>{% for p in markata.posts %}<li>{{ p.slug }}: {{ p.description }}</li>"
                + "{% endfor %}</ul>{{ pages_json }}\n");
        Builds.withoutWarnings(dir);
        assertThat(page()).contains("a: Alpha. alpha words here");

        writeA(A, "Alpha.\n\nalpha words edited");
        warmBuild("a's prose edited");
        assertThat(page()).contains("a: Alpha. alpha words edited");
    }

    @Test
    void aPageShowingPostsBodiesFollowsThemPastTheirDescriptions() throws Exception {
        site().write("templates/404.html", "<ul>{% for p in markata.posts %}<li>{{ p.slug }}: {{ p.article_html }}</li>"
                + "{% endfor %}</ul>\n");
        writeA(A, LONG + "\n\nend words");
        Builds.withoutWarnings(dir);
        assertThat(page()).contains("end words");

        writeA(A, LONG + "\n\nlast words");
        warmBuild("a's last paragraph edited");
        assertThat(page()).contains("last words").doesNotContain("end words");
    }
}
