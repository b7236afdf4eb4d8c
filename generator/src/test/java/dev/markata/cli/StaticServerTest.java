package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.RawHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticServerTest {

    @TempDir
    Path dir;

    private StaticServer server;

    @BeforeEach
    void start() throws IOException {
        Path out = Files.createDirectories(dir.resolve("site/markout"));
        Files.writeString(out.resolve("index.html"), "<html><body><p>home</p></body></html>");
        Files.createDirectories(out.resolve("post"));
        Files.writeString(out.resolve("post/index.html"), "<html><body><p>post</p></body></html>");
        Files.writeString(out.resolve("404.html"), "<html><body><p>lost</p></body></html>");
        Files.writeString(out.resolve("style.css"), "p{}");
        Files.writeString(dir.resolve("site/secret.txt"), "SECRET");
        Files.writeString(dir.resolve("outside.txt"), "SECRET");
        Files.createSymbolicLink(out.resolve("escape.txt"), dir.resolve("outside.txt"));
        Files.createSymbolicLink(out.resolve("escape-dir"), dir.resolve("site"));
        server = StaticServer.start(out, InetAddress.getLoopbackAddress(), 0, true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String get(String target) throws IOException {
        return RawHttp.get(server.port(), target);
    }

    @Test
    void servesPagesFoldersAndAssetsWithTheReloadScript() throws IOException {
        assertThat(get("/")).startsWith("HTTP/1.1 200").contains("home").contains(StaticServer.VERSION_PATH);
        assertThat(get("/post/")).startsWith("HTTP/1.1 200").contains("post");
        assertThat(get("/style.css")).startsWith("HTTP/1.1 200").contains("text/css").endsWith("p{}");
        assertThat(get("/nope/")).startsWith("HTTP/1.1 404").contains("lost");
    }

    @Test
    void theErrorOfAFailedBuildIsEscapedAtTheEndOfTheBodyInAnyCase() throws IOException {
        // a page written in capitals (</BODY>) got the script after its end, outside the body
        Files.writeString(dir.resolve("site/markout/index.html"), "<HTML><BODY><p>home</p></BODY></HTML>");
        server.failed("error: posts/<b>.md:2: it's \"wrong\" & <script>alert(1)</script>");
        String page = get("/");
        assertThat(page).contains("error: posts/&lt;b&gt;.md:2: it&#39;s &#34;wrong&#34; &amp; &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<b>").doesNotContain("alert(1)</script>");
        assertThat(page.indexOf(StaticServer.OVERLAY_ID)).isLessThan(page.indexOf("</BODY>"));
        assertThat(page.indexOf(StaticServer.VERSION_PATH)).isLessThan(page.indexOf("</BODY>"));
        server.succeeded();
        assertThat(get("/")).doesNotContain(StaticServer.OVERLAY_ID);
    }

    @Test
    void aMissingPageWithout404PageIsAPageThatReloads() throws IOException {
        Files.delete(dir.resolve("site/markout/404.html"));
        assertThat(get("/not/a&b/")).startsWith("HTTP/1.1 404").contains("text/html")
                .contains(StaticServer.VERSION_PATH).contains("not found: /not/a&amp;b/");
    }

    @Test
    void aJavaScriptModuleIsServedAsJavaScript() throws IOException {
        // browsers run a module script (a local copy of mermaid, mermaid.esm.min.mjs) only when
        // it comes with a JavaScript type
        Files.writeString(dir.resolve("site/markout/mermaid.esm.min.mjs"), "export default {};");
        assertThat(get("/mermaid.esm.min.mjs")).startsWith("HTTP/1.1 200").contains("text/javascript");
    }

    @Test
    void reloadVersionChangesAfterARebuild() throws IOException {
        String before = get(StaticServer.VERSION_PATH);
        server.changed();
        String after = get(StaticServer.VERSION_PATH);
        assertThat(before).endsWith("0");
        assertThat(after).endsWith("1");
    }

    @Test
    void neverServesFilesOutsideTheOutputFolder() throws IOException {
        for (String attack : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/outside.txt",
                "/post/../../secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "//etc/passwd",
                "/%2fetc%2fpasswd", "/escape.txt", "/escape-dir/secret.txt", "/C:/Windows/win.ini",
                "/secret.txt%00.html", "/./index.html"}) {
            String response = get(attack);
            assertThat(response).as(attack).startsWith("HTTP/1.1 404").doesNotContain("SECRET");
        }
    }
}
