package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Plugins;
import dev.markata.testing.Printed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * {@code markata serve --watch} of a site, run on a thread of the test as a user runs it (the
 * real command line, the built-in plugins, a free port), with what it prints kept for the test.
 */
final class WatchedServe implements AutoCloseable {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread thread;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String port;

    private WatchedServe(Path site, Map<String, String> environment) throws InterruptedException {
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        thread = new Thread(() -> Main.run(new String[] {"serve", "--watch", "--no-profile", "--port", "0", "-d",
                site.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), errors,
                environment, false, Plugins.builtInPlus()), "serve --watch");
        thread.start();
        port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/").group(1);
    }

    /**
     * Starts serving {@code site} and returns once it says where it listens: its first build done,
     * its error on the pages, the folders it read watched.
     */
    static WatchedServe start(Path site) throws InterruptedException {
        return new WatchedServe(site, Map.of());
    }

    /** Starts serving {@code site} with these {@code MARKATA_*} variables set. */
    static WatchedServe start(Path site, Map<String, String> environment) throws InterruptedException {
        return new WatchedServe(site, environment);
    }

    /** What serve printed so far. */
    String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Waits up to 30 s for {@code regex} in what serve printed. */
    Matcher waitFor(String regex) throws InterruptedException {
        return Printed.waitFor(err, regex);
    }

    /** How many lines serve printed that start with {@code start} ("built ", "error: "). */
    long lines(String start) {
        return printed().lines().filter(line -> line.startsWith(start)).count();
    }

    /** {@code http://127.0.0.1:<port>} plus {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The body of {@code path} as served now. */
    String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The body of {@code path} once it contains {@code text}; fails the test after 30 s without. */
    String getOnce(String path, String text) throws IOException, InterruptedException {
        return getOnce(path, body -> body.contains(text), "no \"" + text + "\"");
    }

    /**
     * The body of {@code path} once it no longer contains {@code text} (the error of a build
     * that failed: the pages a build writes are served while it runs, still under that error);
     * fails the test after 30 s.
     */
    String getOnceWithout(String path, String text) throws IOException, InterruptedException {
        return getOnce(path, body -> !body.contains(text), "still \"" + text + "\"");
    }

    private String getOnce(String path, Predicate<String> done, String failing) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String body = get(path);
        while (!done.test(body)) {
            assertThat(System.nanoTime()).as("%s in %s: %s%nserve printed: %s", failing, path, body, printed())
                    .isLessThan(deadline);
            Thread.sleep(100);
            body = get(path);
        }
        return body;
    }

    /** The reload version open pages poll. */
    String version() throws IOException, InterruptedException {
        return get(StaticServer.VERSION_PATH);
    }

    /**
     * The reload version once it is no longer {@code old} (open pages reload then); fails the test
     * after 30 s. Serve shows a build's error on the pages before it bumps the version, so that
     * the reload shows it: a page with the error is no sign of the bump yet.
     */
    String versionAfter(String old) throws IOException, InterruptedException {
        return getOnce(StaticServer.VERSION_PATH, version -> !version.equals(old), "still version " + old);
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
    }
}
