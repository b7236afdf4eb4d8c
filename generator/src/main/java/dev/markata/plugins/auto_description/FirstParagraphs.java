package dev.markata.plugins.auto_description;

import dev.markata.plugin.CacheText;
import dev.markata.plugin.Reporter;
import dev.markata.profiler.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The text posts are described with (see {@link AutoDescriptionPlugin#text}), by the digest of the post's Markdown:
 * kept in memory across the builds of one process ({@code serve --watch}) and on disk across
 * processes ({@code .markata.cache/auto_description.tsv}), so that a build reads the Markdown of
 * the posts that changed only. Only what the last build used is kept, so the memory and the file
 * follow the site, not the number of edits. The text is read as far as the longest description
 * needs, so a site whose longest description changes makes them all again.
 *
 * <p>The file is a {@link CacheText} whose text is a version line, then one line per post:
 * {@code <digest> TAB <text>}. The texts are collapsed whitespace, so they hold no tab or line
 * break; one that did would not be written (it is made again next time). A damaged file is ignored with a warning: every description is made again and
 * the file rewritten.
 */
final class FirstParagraphs {

    static final String FILE = "auto_description.tsv";
    private static final String KIND = "markata-auto-description";
    /** Changes whenever the same Markdown could give another text (the scanner); the file's first line adds the length read. */
    static final String VERSION = "3";

    private volatile Map<String, String> current = new ConcurrentHashMap<>();
    private volatile Map<String, String> previous = Map.of();
    /** The first line of the file this process reads and writes: {@link #VERSION} and the length of text read. */
    private String version;
    /** Whether the file holds what {@link #previous} holds, so a build that used the same need not write it. */
    private boolean previousIsOnDisk;
    /** Whether the file holds what {@link #current} holds: the build finished and wrote it. */
    private boolean currentIsOnDisk;
    private boolean fileRead;
    private final AtomicInteger made = new AtomicInteger();

    /**
     * Starts a build: what the last build of this process used becomes what this one may reuse;
     * on the first build of a process that is what the file holds. Texts read to another
     * {@code limit} (the site's longest description changed) are not reused.
     */
    synchronized void startBuild(Path file, Reporter reporter, int limit) {
        String wanted = versionLine(limit);
        if (fileRead && wanted.equals(version)) {
            previous = current;
            previousIsOnDisk = currentIsOnDisk;
        } else {
            previous = read(file, reporter, limit);
            previousIsOnDisk = true;
            fileRead = true;
        }
        version = wanted;
        current = new ConcurrentHashMap<>();
        currentIsOnDisk = false;
        made.set(0);
    }

    /** The text of a post's Markdown, made with {@code make} unless known by its digest. */
    String of(String contentDigest, String markdown, Function<String, String> make) {
        Map<String, String> now = current;
        String known = now.get(contentDigest);
        if (known == null) {
            known = previous.get(contentDigest);
            if (known == null) {
                known = make.apply(markdown);
                made.incrementAndGet();
            }
            now.put(contentDigest, known);
        }
        return known;
    }

    /**
     * Ends a build: writes what it used when that differs from the file (a post was added,
     * changed or removed). The entries are by content, so a build that fails later cannot make
     * them wrong.
     */
    synchronized void finishBuild(Path file) throws IOException {
        // Every entry came from previous when none was made; with as many entries, they are all of it.
        boolean sameAsFile = previousIsOnDisk && made.get() == 0 && current.size() == previous.size();
        if (!sameAsFile) {
            AtomicFiles.write(file, CacheText.encode(KIND, text(version, current)));
        }
        currentIsOnDisk = true;
    }

    private static String text(String version, Map<String, String> entries) {
        List<String> digests = new ArrayList<>(entries.keySet());
        digests.sort(null);
        StringBuilder text = new StringBuilder(entries.size() * 512).append(version).append('\n');
        for (String digest : digests) {
            String described = entries.get(digest);
            if (writable(digest) && writable(described)) {
                text.append(digest).append('\t').append(described).append('\n');
            }
        }
        return text.toString();
    }

    static String versionLine(int limit) {
        return VERSION + " " + limit;
    }

    private static boolean writable(String field) {
        return field.indexOf('\t') < 0 && field.indexOf('\n') < 0;
    }

    /**
     * The file's entries; none when it is missing, of another version or another length read
     * ({@code limit}), or damaged (then with a warning).
     */
    static Map<String, String> read(Path file, Reporter reporter, int limit) {
        CacheText.Lines lines = CacheText.readVersioned(file, KIND, versionLine(limit), why -> ignored(file, reporter, why));
        if (lines == null) {
            return Map.of();
        }
        // Cut at the bytes of tabs and line breaks, which never occur inside another character's
        // UTF-8, and each field decoded on its own (see CacheText.textStart).
        byte[] bytes = lines.bytes();
        Map<String, String> entries = new HashMap<>();
        int line = 2;
        for (int at = lines.start(); at < bytes.length; line++) {
            int end = CacheText.indexOf(bytes, (byte) '\n', at, bytes.length);
            int tab = end < 0 ? -1 : CacheText.indexOf(bytes, (byte) '\t', at, end);
            if (tab < 0 || CacheText.indexOf(bytes, (byte) '\t', tab + 1, end) >= 0) {
                return ignored(file, reporter, "line " + line + " is not \"<digest><tab><text>\"");
            }
            entries.put(CacheText.text(bytes, at, tab), CacheText.text(bytes, tab + 1, end));
            at = end + 1;
        }
        return entries;
    }

    private static Map<String, String> ignored(Path file, Reporter reporter, String why) {
        reporter.warn("ignoring the cache file " + file + ": " + why
                + "; the posts' descriptions are made again, and it is rewritten");
        return Map.of();
    }
}
