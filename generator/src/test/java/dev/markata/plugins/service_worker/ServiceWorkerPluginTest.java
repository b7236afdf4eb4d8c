package dev.markata.plugins.service_worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.Markata;
import dev.markata.config.ConfigException;
import dev.markata.lifecycle.BuildException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceWorkerPluginTest {

    @TempDir
    Path dir;

    private static final Pattern CACHE = Pattern.compile("const CACHE = \"markata-([0-9a-f]{32})\";");

    private Site site(String more) {
        return new Site(dir).write("markata.toml", """
                [markata]
                hooks = ["default", "markata.plugins.service_worker"]
                """ + more)
                .post("posts/a.md", "title: A", "Alpha.")
                .post("posts/b.md", "title: B\nslug: bee", "Beta.")
                .write("static/style.css", "body {}");
    }

    private String build() throws Exception {
        Builds.withoutWarnings(dir);
        return new Site(dir).read("markout/service-worker.js");
    }

    private static String version(String worker) {
        Matcher m = CACHE.matcher(worker);
        assertThat(m.find()).as(worker).isTrue();
        return m.group(1);
    }

    @Test
    void theWorkerStoresMarkatasDefaultAddressesAndEveryPageRegistersIt() throws Exception {
        site("");
        String worker = build();
        assertThat(worker).contains("const PRECACHE_URLS = [\"index.html\", \"./\"];")
                .contains("self.addEventListener(\"fetch\"");
        version(worker);
        String script = Jsoup.parse(new Site(dir).read("markout/a/index.html")).select("head script").html();
        assertThat(script).contains("navigator.serviceWorker.register(\"/service-worker.js\")");
    }

    @Test
    void feedsPostsAndTopLevelAddressesArePrecachedOnceInOrder() throws Exception {
        site("""
                precache_urls = ["archive-styles.css", "./"]
                [markata.service_worker]
                precache_urls = ["index.html", "./", "manifest.json"]
                precache_feeds = true
                precache_posts = true
                [markata.feeds.all]
                filter = "True"
                """).write("static/archive-styles.css", "").write("static/manifest.json", "{}");
        assertThat(build()).contains("const PRECACHE_URLS = [\"index.html\", \"./\", \"manifest.json\","
                + " \"archive-styles.css\", \"/archive/\", \"/all/\", \"/a/\", \"/bee/\"];");
    }

    @Test
    void anAddressToPrecacheThatIsNotInTheOutputIsWarnedOf() throws Exception {
        site("""
                precache_urls = ["style.css", "/missing.css", "https://cdn.example/x.js", "/a/", "./bee/?v=1"]
                """);
        Warnings warnings = new Warnings();
        Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
        assertThat(warnings.messages).singleElement().asString().startsWith(
                "[markata.service_worker] precache_urls: \"/missing.css\" is not a file of the output folder");
    }

    @Test
    void theVersionChangesWithTheSiteAndAWarmBuildGivesTheCleanBuildsWorker() throws Exception {
        Site site = site("");
        String first = build();
        assertThat(build()).as("nothing changed: the same version, visitors keep their cache").isEqualTo(first);
        site.post("posts/a.md", "title: A", "Alpha, edited.");
        String edited = build();
        assertThat(version(edited)).isNotEqualTo(version(first));
        site.delete("markout").delete(".markata.cache");
        assertThat(build()).as("a clean build of the same sources").isEqualTo(edited);
        // an asset with another time but the same content (a checkout, a copy keeping whole seconds)
        Files.setLastModifiedTime(dir.resolve("static/style.css"), FileTime.fromMillis(86_400_000L));
        assertThat(build()).isEqualTo(edited);
        Files.writeString(dir.resolve("static/style.css"), "body { color: red; }");
        String asset = build();
        assertThat(version(asset)).isNotEqualTo(version(edited));
        site.delete("markout").delete(".markata.cache");
        assertThat(build()).isEqualTo(asset);
        site.write("markata.toml", """
                [markata]
                hooks = ["default", "markata.plugins.service_worker"]
                title = "Renamed"
                """);
        assertThat(version(build())).isNotEqualTo(version(asset));
    }

    @Test
    void aWarmBuildOfAnUnchangedSiteDoesNotRenderTheWorkerAgain() throws Exception {
        Site site = site("[markata.service_worker]\ntemplate_file = \"sw.js\"\n").write("sw.js", "// {{ output_dirhash }}\n");
        String first = build();
        // a mark only a render would undo: the same inputs make nothing again
        site.write("markout/service-worker.js", "// kept");
        assertThat(build()).isEqualTo("// kept");
        site.delete("markout/service-worker.js");
        assertThat(build()).isEqualTo(first);
        site.write("sw.js", "// v2 {{ output_dirhash }}\n");
        assertThat(build()).startsWith("// v2 ");
    }

    @Test
    void aMarkataTemplateFileIsRenderedWithWhatMarkatasTemplateSees() throws Exception {
        site("""
                precache_urls = ["a.css"]
                [markata.service_worker]
                template_file = "sw.js"
                """).write("static/a.css", "").write("sw.js", "const V = '{{ output_dirhash }}';\nconst URLS = {{ config.get('precache_urls', []) }};\n"
                + "// {{ __version__ }}\n");
        String worker = build();
        assertThat(worker).matches("(?s)const V = '[0-9a-f]{32}';\nconst URLS = \\['a.css'\\];\n// \\S+\n");
    }

    @Test
    void aMissingTemplateFileIsAConfigurationErrorNamingIt() {
        site("[markata.service_worker]\ntemplate_file = \"templates/worker.js\"\n");
        ConfigException error = Builds.configError(dir);
        assertThat(error.getMessage()).startsWith("markata.toml: [markata.service_worker] template_file ="
                + " \"templates/worker.js\": no such file: " + dir.resolve("templates/worker.js"));
    }

    @Test
    void anAssetInTheWorkersPlaceIsAnError() {
        site("").write("static/service-worker.js", "// by hand");
        BuildException error = catchThrowableOfType(this::build, BuildException.class);
        assertThat(error.failure().problems().get(0).message()).isEqualTo("static/service-worker.js: is also the file"
                + " markata.plugins.service_worker writes (service-worker.js), and one would overwrite the other;"
                + " remove the asset, or markata.plugins.service_worker from hooks");
    }

    @Test
    void withoutThePluginPagesRegisterNoWorker() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\n").post("posts/a.md", "title: A", "Alpha.");
        Markata.builder(dir).environment(Map.of()).reporter(new Warnings()).open().build();
        assertThat(new Site(dir).read("markout/a/index.html")).doesNotContain("serviceWorker");
        assertThat(dir.resolve("markout/service-worker.js")).doesNotExist();
    }
}
