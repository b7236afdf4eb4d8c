package dev.markata.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The changes {@code serve --watch} has seen since its last build, and when to build them: once
 * the files a build reads have been quiet for a moment, so that an editor's save (often several
 * steps: truncate then write, write a temporary file then rename it over the old one, write in
 * chunks) is built once, whole.
 *
 * <ul>
 * <li>{@link #QUIET}: a change of a post, a template or an asset builds once nothing a build
 * reads changed for 200 ms; a "save all" of ten files, or a {@code git checkout}, is one build.
 * <li>{@link #SETTLE}: 1 s instead while the burst is in a state a save passes through but
 * rarely ends in: a configuration file ({@code markata.toml}, {@code pyproject.toml}, {@code
 * .gitignore}, {@code .markataignore}) changed, or a file a build read is gone (a rename-save
 * between its steps, the old file moved aside and the new one not yet in place). A build then
 * costs most when wrong: half a {@code markata.toml} builds into another output folder with
 * other plugins, a {@code .gitignore} emptied mid-save publishes the drafts it hides, a post
 * missing for a moment has its page removed and its listings rewritten. Such files change
 * rarely, so the wait costs little; a post really deleted is built a second later.
 * <li>{@link #LONGEST}: never more than 3 s after the first change, however often the files
 * change (a tool saving a post every 100 ms, an asset copied for seconds): waiting for a pause
 * built nothing for as long as one never came. At worst a file still being written is built and
 * built again once it is done.
 * </ul>
 * A file gone is back when the watcher says so (its event of creation), not when it is found on
 * disk: under load the watcher's events come late, and a burst that took a file found back for
 * the end of the save was built before the event of its return came, which then started a second
 * build of the same files (ServeSavesTest saw three builds for two at loads of 20). Only after
 * the watcher lost events (an overflow) is the disk asked.
 * <p>Only changes of files a build reads count: a log written beside the posts every 100 ms kept
 * the burst open, and no edit was built while it ran. A file's size and time are not polled for
 * stability: on Linux every write is an event of its own, so a quiet watcher is a quiet file;
 * a writer that pauses longer than these waits in the middle of a file is built twice (see
 * {@link SiteInputs#emptiedSettings} for the one such state never built).
 */
final class Burst {

    static final long QUIET = TimeUnit.MILLISECONDS.toNanos(200);
    static final long SETTLE = TimeUnit.SECONDS.toNanos(1);
    static final long LONGEST = TimeUnit.SECONDS.toNanos(3);

    private boolean any;
    private long first;
    private long last;
    private boolean configuration;
    /** Files and folders a build read whose deletion is in the burst: settled only when they are back. */
    private final Set<Path> deleted = new HashSet<>();
    /** Whether the watcher lost events (an overflow): a return may have no event then. */
    private boolean lost;

    /**
     * A change, at {@link System#nanoTime} {@code now}, of {@code path}, something a build reads:
     * {@code configures} when it is a configuration file, {@code deleted} when the watcher says
     * it is gone, else it is there (again); {@code path} null for a change the watcher could not
     * name (an overflow: events were lost).
     */
    void changed(long now, boolean configures, Path path, boolean deleted) {
        if (!any) {
            any = true;
            first = now;
        }
        last = now;
        configuration |= configures;
        if (path == null) {
            lost = true;
        } else if (deleted) {
            this.deleted.add(path);
        } else if (!this.deleted.isEmpty()) {
            // back; a folder made again brings back what it holds now (files written into it
            // before it was watched again have no events of their own)
            this.deleted.removeIf(gone -> gone.equals(path)
                    || gone.startsWith(path) && Files.exists(gone, LinkOption.NOFOLLOW_LINKS));
        }
    }

    /** Whether anything a build reads changed. */
    boolean any() {
        return any;
    }

    /**
     * Whether the burst is in a state a save passes through ({@link #SETTLE}): a configuration
     * file changed, or something a build read is gone and the watcher has not said it is back.
     */
    boolean unsettled() {
        if (configuration) {
            return true;
        }
        if (!lost) {
            return !deleted.isEmpty();
        }
        // events were lost, the return's among them maybe: the disk says. One back is settled for
        // good (its deletion again is an event of its own), and the first still gone answers (a
        // checkout that deletes a thousand posts is not a thousand checks per event)
        for (Iterator<Path> paths = deleted.iterator(); paths.hasNext(); ) {
            if (!Files.exists(paths.next(), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
            paths.remove();
        }
        return false;
    }

    /** When to build, in {@link System#nanoTime}, if nothing else changes; {@code unsettled} as {@link #unsettled}. */
    long buildAt(boolean unsettled) {
        return Math.min(last + (unsettled ? SETTLE : QUIET), first + LONGEST);
    }
}
