package dev.markata.plugins.feeds;

import dev.markata.plugin.BuildContext;
import dev.markata.plugin.CacheText;
import dev.markata.plugin.Reporter;
import dev.markata.profiler.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feed cards as rendered, one per card template and post, under the key they were rendered for
 * (the post's fields and Markdown, the templates and settings, what every post shows of itself
 * but its descriptions, which posts each feed holds; see {@code FeedsPlugin}): after an edit of
 * one post's prose, a feed page listing 10,000 posts is assembled from 9,999 cards of earlier
 * builds and one rendered again, where every card was rendered again (most of what the edit
 * cost). A card is the same in every feed of its card template, so it is also rendered once per
 * build for all of them.
 *
 * <p>Kept in memory across the builds of one process ({@code serve --watch}) and on disk across
 * processes ({@code .markata.cache/feed-cards.bin}); only entries of posts the build has, for the
 * card templates its feeds name, are kept, so the file follows the site, not the number of edits.
 * A process's later builds write the file once {@link #WRITE_AFTER} cards changed since it was
 * written (a card it holds under an older key is rendered again by the next process).
 * The file is a {@link CacheText} whose text is a version line, then per card a line
 * {@code <template id> TAB <path> TAB <stored key> TAB <reads> TAB <length>} and that many bytes
 * of HTML and a line break. A damaged file is ignored with a warning: the cards are rendered
 * again and the file rewritten.
 */
final class FeedCards {

    static final String FILE = "feed-cards.bin";
    /** How many cards rendered since the file was written make a later build of the process write it. */
    static final int WRITE_AFTER = 50;
    private static final String KIND = "markata-feed-cards";
    private static final String VERSION = "1";

    /**
     * A rendered card: the key it is stored under (with what it read of other posts, see
     * {@code PostBodies#storedKey}), whether its render read posts' bodies and descriptions, its
     * HTML; and, in this process, the two parts its key was hashed from (the part every card of its
     * feed shares and its post's, see {@code FeedsPlugin}; null for a card read from the file),
     * so that a later build whose parts are the same knows the card still holds without hashing
     * them again (10,000 keys a build that renders the archive's page).
     */
    record Card(String storedKey, boolean readBodies, boolean readDescriptions, String html, String shared,
                String postKey) {

        Card(String storedKey, boolean readBodies, boolean readDescriptions, String html) {
            this(storedKey, readBodies, readDescriptions, html, null, null);
        }

        /**
         * Whether this card's key is the key hashed from {@code shared} and {@code postKey}, as
         * when it was stored: a card that read other posts' bodies or descriptions is stored under
         * a key that also covers them, which is checked by hashing.
         */
        boolean madeOf(String shared, String postKey) {
            return !readBodies && !readDescriptions && postKey.equals(this.postKey) && shared.equals(this.shared);
        }

        /** This card, noting the parts its key was hashed from. */
        Card madeOf(String shared, String postKey, String key) {
            return readBodies || readDescriptions || !key.equals(storedKey) ? this
                    : new Card(storedKey, false, false, html, shared, postKey);
        }
    }

    /** The cards of the last build of this process that finished its feeds, as its file holds them. */
    private Map<String, Card> kept;
    /** What this build may reuse: {@link #kept}, else the file's, read by {@link #prepare} on first need. */
    private Map<String, Card> previous;
    /** Whether the file holds {@link #previous}. */
    private boolean previousIsOnDisk;
    /** Whether this build looked cards up (rendered a feed page). */
    private boolean prepared;
    /** This build's cards, by slot (template id and post path). */
    private Map<String, Card> current = new ConcurrentHashMap<>();
    private volatile boolean changed;
    /** Cards this build rendered. */
    private final AtomicInteger rendered = new AtomicInteger();
    /** Whether the file holds {@link #kept}: a later build of this process may leave it behind (see {@link #finishBuild}). */
    private boolean fileHoldsKept;
    /** Cards rendered by this process since it last wrote the file. */
    private int unwritten;
    /** Whether this build is the process's first to finish its feeds with this file. */
    private boolean first;
    private Path file;
    private Reporter reporter;

    /**
     * Starts a build: what the last build of this process kept becomes what this one may reuse
     * (a build that failed before its feeds finished leaves what the one before kept).
     */
    synchronized void startBuild(Path file, Reporter reporter) {
        boolean sameFile = file.equals(this.file);
        previous = sameFile ? kept : null;
        previousIsOnDisk = sameFile && kept != null && fileHoldsKept;
        if (!sameFile) {
            kept = null;
            unwritten = 0;
        }
        first = kept == null;
        this.file = file;
        this.reporter = reporter;
        current = new ConcurrentHashMap<>();
        changed = false;
        rendered.set(0);
        prepared = false;
    }

    /**
     * Makes the earlier builds' cards ready for {@link #find}, reading the file the first time
     * (only a build that renders a feed page needs them). Call on the hook's thread before the
     * feed's cards are looked up.
     */
    synchronized void prepare() {
        prepared = true;
        if (previous == null) {
            previous = read(file, reporter);
            previousIsOnDisk = !previous.isEmpty();
        }
    }

    /** The slot of a card: its template's id ({@code Hashing} of the template's name or text) and its post. */
    static String slot(String templateId, String path) {
        return templateId + '\t' + path;
    }

    /** The card of this build or of an earlier one in {@code slot}, if any (its key is for the caller to check). */
    Card find(String slot) {
        Card card = current.get(slot);
        return card != null ? card : previous.get(slot);
    }

    /** Notes that this build shows {@code card} in {@code slot} (found, or {@code rendered} in this build). */
    void use(String slot, Card card, boolean rendered) {
        current.put(slot, card);
        if (rendered) {
            changed = true;
            this.rendered.incrementAndGet();
        }
    }

    /**
     * Ends the build's feeds: keeps the cards of earlier builds that it did not look up (feeds
     * left as they were) while their post and template are still the site's, and writes the
     * file when that is not what it holds.
     *
     * @param paths       the posts of the build
     * @param templateIds the ids of the card templates its feeds name
     * @param context     the build, which writes the file ({@link BuildContext#writeCache})
     */
    synchronized void finishBuild(Set<String> paths, Set<String> templateIds, BuildContext context) {
        if (!prepared) {
            // no feed page was rendered: what the last build kept (and the file) stays as it is;
            // a post gone, or a card template, changes every feed page's key, and they are looked up then
            return;
        }
        Map<String, Card> used = current;
        boolean dropped = false;
        for (Map.Entry<String, Card> entry : previous.entrySet()) {
            String slot = entry.getKey();
            if (!used.containsKey(slot)) {
                int tab = slot.indexOf('\t');
                if (templateIds.contains(slot.substring(0, tab)) && paths.contains(slot.substring(tab + 1))) {
                    used.put(slot, entry.getValue());
                } else {
                    dropped = true; // a post or card template gone
                }
            }
        }
        if (changed || dropped || !previousIsOnDisk) {
            // The file only saves work: a card it holds under an older key is rendered again, so
            // it may lag behind a process that keeps its cards in memory. serve --watch wrote all
            // 4.5 MB of a 10,000-post site's cards after every edit of a post's first paragraph,
            // for one card; it writes them once some have gathered (and when the file is gone,
            // posts are, or the build is the process's first), and the build after the process
            // ends renders at most those again.
            unwritten += rendered.get();
            if (first || dropped || unwritten >= WRITE_AFTER || !Files.isRegularFile(file)) {
                Path written = file;
                // a write that fails is the build's one cache warning, and the next build renders those cards again
                fileHoldsKept = context.writeCache(written, () -> AtomicFiles.write(written, encode(used)));
                if (fileHoldsKept) {
                    unwritten = 0;
                }
            } else {
                fileHoldsKept = false;
            }
        } else {
            fileHoldsKept = true; // the file holds what this build used
        }
        kept = used;
    }

    /**
     * The file's bytes: encoded piece by piece into one buffer (10,000 cards are ~4.5 MB; lines
     * made as strings and encoded again cost several times the copying), in no particular order.
     */
    private static byte[] encode(Map<String, Card> cards) {
        ByteArrayOutputStream text = new ByteArrayOutputStream(cards.size() * 600);
        text.writeBytes((VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, Card> entry : cards.entrySet()) {
            String slot = entry.getKey();
            Card card = entry.getValue();
            if (slot.indexOf('\n') >= 0 || slot.indexOf('\t') != slot.lastIndexOf('\t')) {
                continue; // a path with a tab or line break: rendered again next time
            }
            byte[] html = card.html().getBytes(StandardCharsets.UTF_8);
            text.writeBytes(slot.getBytes(StandardCharsets.UTF_8));
            text.write('\t');
            text.writeBytes(card.storedKey().getBytes(StandardCharsets.ISO_8859_1));
            text.write('\t');
            text.write(card.readBodies() ? 'b' : '-');
            text.write(card.readDescriptions() ? 'd' : '-');
            text.write('\t');
            text.writeBytes(Integer.toString(html.length).getBytes(StandardCharsets.ISO_8859_1));
            text.write('\n');
            text.writeBytes(html);
            text.write('\n');
        }
        return CacheText.encode(KIND, text.toByteArray());
    }

    /** The file's cards; none when it is missing or of another version, or damaged (then with a warning). */
    static Map<String, Card> read(Path file, Reporter reporter) {
        CacheText.Lines lines = CacheText.readVersioned(file, KIND, VERSION, why -> ignored(file, reporter, why));
        if (lines == null) {
            return Map.of();
        }
        byte[] bytes = lines.bytes();
        // Cut at the bytes of tabs and line breaks, which never occur inside another character's
        // UTF-8; the slot (template id, tab, path) is taken as one piece, as the map holds it.
        Map<String, Card> cards = new HashMap<>();
        int card = 1;
        for (int at = lines.start(); at < bytes.length; card++) {
            int end = CacheText.indexOf(bytes, (byte) '\n', at, bytes.length);
            int path = end < 0 ? -1 : CacheText.indexOf(bytes, (byte) '\t', at, end);
            int key = path < 0 ? -1 : CacheText.indexOf(bytes, (byte) '\t', path + 1, end);
            int reads = key < 0 ? -1 : CacheText.indexOf(bytes, (byte) '\t', key + 1, end);
            int length = reads < 0 || reads + 3 >= end || bytes[reads + 3] != '\t' ? -1 : digits(bytes, reads + 4, end);
            if (length < 0 || end + 1 + length >= bytes.length || bytes[end + 1 + length] != '\n') {
                return ignored(file, reporter, "card " + card + " is not \"<template id><tab><path><tab><key><tab>"
                        + "<reads><tab><length>\" and that many bytes");
            }
            cards.put(CacheText.text(bytes, at, key), new Card(new String(bytes, key + 1, reads - key - 1,
                    StandardCharsets.ISO_8859_1), bytes[reads + 1] == 'b', bytes[reads + 2] == 'd',
                    CacheText.text(bytes, end + 1, end + 1 + length)));
            at = end + 1 + length + 1;
        }
        return cards;
    }

    /** The number the bytes write in decimal, or -1 when they are not 1 to 9 digits. */
    private static int digits(byte[] bytes, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return -1;
            }
            value = value * 10 + bytes[i] - '0';
        }
        return value;
    }

    private static Map<String, Card> ignored(Path file, Reporter reporter, String why) {
        reporter.warn("ignoring the cache file " + file + ": " + why
                + "; the feeds' cards are rendered again, and it is rewritten");
        return Map.of();
    }
}
