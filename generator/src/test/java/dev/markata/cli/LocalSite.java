package dev.markata.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;

/**
 * A built site served over http on the loopback address by the server {@code markata serve}
 * uses, for browser tests outside this package: what a page keeps in {@code localStorage} is
 * per origin, and {@code file://} pages give Chromium no dependable one.
 */
public final class LocalSite implements AutoCloseable {

    private final StaticServer server;

    private LocalSite(StaticServer server) {
        this.server = server;
    }

    /** Serves {@code outputDir} on a free port, without the live-reload script. */
    public static LocalSite serve(Path outputDir) throws IOException {
        return new LocalSite(StaticServer.start(outputDir, InetAddress.getLoopbackAddress(), 0, false));
    }

    /** Serves {@code outputDir} on a free port as {@code markata serve --watch} does: pages poll for a rebuild. */
    public static LocalSite serveWatched(Path outputDir) throws IOException {
        return new LocalSite(StaticServer.start(outputDir, InetAddress.getLoopbackAddress(), 0, true));
    }

    /** Tells open pages that the site was built again, as {@code serve --watch} does after a rebuild. */
    public void rebuilt() {
        server.changed();
    }

    /** The address of {@code path} (relative to the site's root, "post/index.html"). */
    public String url(String path) {
        return origin() + "/" + path;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
