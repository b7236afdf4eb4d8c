package dev.markata.profiler.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The report page's stylesheet and script, read from resources: one script file per view plus
 * a shared model, joined in dependency order into the one inline script the page runs.
 *
 * @param css        the stylesheet
 * @param script     the joined script
 * @param scriptHash the script's CSP source expression ({@code sha256-...})
 */
record HtmlAssets(String css, String script, String scriptHash) {

    /** Script files in load order: shared helpers and the model first, the app that wires views last. */
    static final List<String> SCRIPTS = List.of(
            "util.js", "model.js", "rows.js", "tree.js", "timeline.js", "flame.js", "hot.js", "details.js",
            "build.js", "compare.js", "app.js");

    static HtmlAssets load() {
        String css = read("report.css");
        // One function scope around all files: they share helpers without leaking globals.
        StringBuilder script = new StringBuilder("\n(function () {\n\"use strict\";\n");
        for (String name : SCRIPTS) {
            script.append("// ---- ").append(name).append(" ----\n").append(read(name)).append('\n');
        }
        String joined = script.append("})();\n").toString();
        if (joined.contains("</script")) {
            throw new IllegalStateException("a report script contains </script, which would end the inline element");
        }
        return new HtmlAssets(css, joined, "sha256-" + sha256(joined));
    }

    private static String read(String name) {
        String path = "html/" + name;
        try (InputStream in = HtmlAssets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("report resource missing from the jar: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report resource " + path, e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
