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
    void aSiteWithAPathPrefixIsServedUnderItAndTheTopOfTheHostLeadsThere() throws IOException {
        server.serveUnder("project/");
        assertThat(server.top()).isEqualTo("/project/");
        assertThat(get("/project/")).startsWith("HTTP/1.1 200").contains("home");
        assertThat(get("/project/post/")).startsWith("HTTP/1.1 200").contains("post");
        assertThat(get("/project/style.css")).startsWith("HTTP/1.1 200").endsWith("p{}");
        assertThat(get("/")).startsWith("HTTP/1.1 302").containsIgnoringCase("Location: /project/\r\n");
        assertThat(get("/?q=1")).startsWith("HTTP/1.1 302").containsIgnoringCase("Location: /project/?q=1\r\n");
        assertThat(get("/project")).startsWith("HTTP/1.1 301").containsIgnoringCase("Location: /project/\r\n");
        assertThat(get("/project/post")).startsWith("HTTP/1.1 301").containsIgnoringCase("Location: /project/post/\r\n");
        // the site's pages are not at the top of the host: a link without the prefix is broken there too
        assertThat(get("/post/")).startsWith("HTTP/1.1 404").contains("lost");
        assertThat(get("/project/nope/")).startsWith("HTTP/1.1 404").contains("lost");
        assertThat(get("/project/../secret.txt")).startsWith("HTTP/1.1 404");
        server.serveUnder("");
        assertThat(get("/post/")).startsWith("HTTP/1.1 200").contains("post");
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

    /**
     * {@code serve --bind 0.0.0.0} shares the site with the network: the failed build's overlay
     * (file paths, the lines of a post or template) was shown to anyone there. A browser on
     * another machine gets a notice that the build failed, without the error; one on the
     * serving machine, the error.
     */
    @Test
    void theErrorOfAFailedBuildIsShownOnlyToABrowserOnTheServingMachine() throws IOException {
        InetAddress other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(network -> java.util.Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof java.net.Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress()).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "this machine has an address besides loopback");
        server.close();
        server = StaticServer.start(dir.resolve("site/markout"), InetAddress.getByName("0.0.0.0"), 0, true);
        server.failed("error: /home/me/site/posts/secret-draft.md:3: bad date");

        String remote = RawHttp.get(other, server.port(), "/");
        assertThat(remote).startsWith("HTTP/1.1 200").contains("home").contains(StaticServer.OVERLAY_ID)
                .contains("the site was not built").doesNotContain("secret-draft").doesNotContain("bad date")
                .contains(StaticServer.VERSION_PATH);
        assertThat(RawHttp.get(other, server.port(), "/nope/")).doesNotContain("secret-draft");
        assertThat(get("/")).contains("error: /home/me/site/posts/secret-draft.md:3: bad date");
    }

    /**
     * A page that declares another encoding in its {@code <meta>} was sent as UTF-8 all the
     * same, and the header wins over the page: a windows-1252 page showed its accented
     * letters as replacement characters.
     */
    @Test
    void aPageIsSentWithTheCharsetItsMetaDeclares() throws IOException {
        Path out = dir.resolve("site/markout");
        Files.write(out.resolve("old.html"), "<html><head><meta charset=\"windows-1252\"></head><body>caf\u00e9</body></html>"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.write(out.resolve("older.html"), ("<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html;"
                + " charset=ISO-8859-1\"></HEAD><BODY>caf\u00e9</BODY></HTML>").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(out.resolve("odd.html"), "<html><head><meta charset=\"no-such-charset\"></head><body></body></html>");
        for (StaticServer serving : java.util.List.of(server, StaticServer.start(out, InetAddress.getLoopbackAddress(), 0,
                false))) {
            try {
                assertThat(RawHttp.get(serving.port(), "/old.html", "")).containsIgnoringCase(
                        "Content-Type: text/html; charset=windows-1252\r\n");
                assertThat(RawHttp.get(serving.port(), "/older.html", "")).containsIgnoringCase(
                        "Content-Type: text/html; charset=iso-8859-1\r\n");
                assertThat(RawHttp.get(serving.port(), "/odd.html", "")).as("not one Java knows: UTF-8")
                        .containsIgnoringCase("Content-Type: text/html; charset=utf-8\r\n");
                assertThat(RawHttp.get(serving.port(), "/post/", "")).containsIgnoringCase(
                        "Content-Type: text/html; charset=utf-8\r\n");
            } finally {
                if (serving != server) {
                    serving.close();
                }
            }
        }
    }

    @Test
    void aMissingPageWithout404PageIsAPageThatReloads() throws IOException {
        Files.delete(dir.resolve("site/markout/404.html"));
        assertThat(get("/not/a&b/")).startsWith("HTTP/1.1 404").contains("text/html")
                .contains(StaticServer.VERSION_PATH).contains("not found: /not/a&amp;b/");
    }

    @Test
    void aFolderAskedForWithoutItsSlashIsRedirectedToIt() throws IOException {
        // /post served post/index.html at /post, where the page's relative links (an image beside
        // the post, ./cover.png) lead to /cover.png: broken under serve, right once deployed
        assertThat(get("/post")).startsWith("HTTP/1.1 301").containsIgnoringCase("Location: /post/\r\n");
        assertThat(get("/post?utm=x")).startsWith("HTTP/1.1 301").containsIgnoringCase("Location: /post/?utm=x\r\n");
        assertThat(get("/escape-dir")).as("a link out of the output folder").startsWith("HTTP/1.1 404");
        assertThat(get("//post")).startsWith("HTTP/1.1 404");
    }

    @Test
    void filesAreServedWithTheTypesBrowsersNeedForThem() throws IOException {
        // a WebAssembly module streamed only with its own type, a post's published source (.md)
        // was a download, an AVIF image or a web font a download of unknown bytes
        Path out = dir.resolve("site/markout");
        for (String name : new String[] {"app.wasm", "post.md", "photo.avif", "font.woff", "clip.mp4",
                "site.webmanifest", "feed.xsl"}) {
            Files.writeString(out.resolve(name), "x");
        }
        assertThat(get("/app.wasm")).contains("Content-type: application/wasm");
        assertThat(get("/post.md")).contains("Content-type: text/markdown; charset=utf-8");
        assertThat(get("/photo.avif")).contains("Content-type: image/avif");
        assertThat(get("/font.woff")).contains("Content-type: font/woff");
        assertThat(get("/clip.mp4")).contains("Content-type: video/mp4");
        assertThat(get("/site.webmanifest")).contains("Content-type: application/manifest+json");
        assertThat(get("/feed.xsl")).contains("Content-type: text/xsl");
    }

    @Test
    void aPartOfAFileIsSentWhenAskedFor() throws IOException {
        // Safari plays a video only from a server that sends parts of it, and Chromium seeks in
        // one only then: a site's video did not play under serve
        Files.writeString(dir.resolve("site/markout/clip.mp4"), "0123456789");
        assertThat(get("/clip.mp4")).startsWith("HTTP/1.1 200").contains("Accept-ranges: bytes").endsWith("0123456789");
        assertThat(RawHttp.get(server.port(), "/clip.mp4", "Range: bytes=2-4\r\n")).startsWith("HTTP/1.1 206")
                .contains("Content-range: bytes 2-4/10").contains("Content-length: 3").endsWith("\r\n\r\n234");
        assertThat(RawHttp.get(server.port(), "/clip.mp4", "Range: bytes=7-\r\n")).startsWith("HTTP/1.1 206")
                .contains("Content-range: bytes 7-9/10").endsWith("\r\n\r\n789");
        assertThat(RawHttp.get(server.port(), "/clip.mp4", "Range: bytes=-2\r\n")).startsWith("HTTP/1.1 206")
                .contains("Content-range: bytes 8-9/10").endsWith("\r\n\r\n89");
        assertThat(RawHttp.get(server.port(), "/clip.mp4", "Range: bytes=5-100\r\n")).startsWith("HTTP/1.1 206")
                .contains("Content-range: bytes 5-9/10").endsWith("\r\n\r\n56789");
        assertThat(RawHttp.get(server.port(), "/clip.mp4", "Range: bytes=10-\r\n")).startsWith("HTTP/1.1 416")
                .contains("Content-range: bytes */10");
        // several parts, or none this server reads: the whole file, as HTTP allows
        assertThat(RawHttp.get(server.port(), "/clip.mp4", "Range: bytes=0-1,4-5\r\n")).startsWith("HTTP/1.1 200")
                .endsWith("0123456789");
        assertThat(RawHttp.get(server.port(), "/clip.mp4", "Range: pages=1\r\n")).startsWith("HTTP/1.1 200");
    }

    @Test
    void aPageInAnotherEncodingKeepsItsBytes() throws IOException {
        // a page in windows-1252 (an old page kept in the assets) had each accented letter turned
        // into the bytes of U+FFFD when the reload script was added to it; a host sends its bytes
        byte[] page = "<html><head><meta charset=\"windows-1252\"></head><body>caf\u00e9</body></html>"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("site/markout/old.html"), page);
        byte[] served = RawHttp.getBytes(server.port(), "/old.html");
        String text = new String(served, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).contains("<body>caf\u00e9<script>").contains(StaticServer.VERSION_PATH);
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
