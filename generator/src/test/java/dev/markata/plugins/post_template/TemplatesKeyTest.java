package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.config.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the templates' part of every rendered page's cache key changes with. */
class TemplatesKeyTest {

    @TempDir
    Path site;

    private String key() throws IOException {
        return Templates.forSite(new SiteConfig(site, site.resolve("markout"), site.resolve(".markata.cache"),
                site.resolve("static"), site.resolve("templates"), List.of("default"), List.of(), "", "Site", "", "",
                "", "en", 1, "")).key();
    }

    @Test
    void anEditorsSwapOrBackupFileBesideTheTemplatesIsNoChange() throws IOException {
        Path templates = Files.createDirectories(site.resolve("templates/partials"));
        Files.writeString(templates.resolve("nav.html"), "<nav></nav>");
        Files.writeString(site.resolve("templates/post.html"), "{{ body }}");
        String before = key();

        // vim rewrites its swap file every few seconds while a template is open: each build after
        // it rendered every page again
        Files.writeString(site.resolve("templates/.post.html.swp"), "b0VIM 9.0");
        Files.writeString(templates.resolve("nav.html~"), "<nav>old</nav>");
        assertThat(key()).isEqualTo(before);

        Files.writeString(templates.resolve("nav.html"), "<nav>new</nav>");
        assertThat(key()).isNotEqualTo(before);
    }
}
