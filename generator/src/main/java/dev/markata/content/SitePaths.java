package dev.markata.content;

import java.nio.file.Path;

/** Paths inside a site as markata writes them in document names, page paths and messages. */
public final class SitePaths {

    private SitePaths() {
    }

    /**
     * A relative path with '/' between its names on every system ("posts/a.md", never
     * "posts\a.md"): document names key the caches and make slugs, so they must not depend on
     * the machine that built the site.
     */
    public static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
