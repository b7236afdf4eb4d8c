package dev.markata.content;

import dev.markata.profiler.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files markata-java made in {@code output_dir}, recorded in {@code .markata.cache} after
 * each build, and the removal of those a later build no longer makes: the pages, feed pages,
 * covers and source copy of a post that was deleted, renamed or moved out of the glob, an asset
 * deleted from {@code assets_dir}, a redirect whose rule went. Deploying the output folder then
 * no longer publishes what the author withdrew (markata, and Hugo without
 * {@code --cleanDestinationDir}, leave such files).
 *
 * <p>What is ours: only what the record names, that is what a build of markata-java wrote or
 * kept ({@link OutputDir#made()}) and nothing else. A file another tool or the author put in the
 * output folder is in no record and stays. Without a record (the first build, a cache deleted,
 * or emptied because another build of markata-java wrote it: {@link CacheDir}), or with one
 * made for another output folder, nothing is known to be ours and nothing is removed; that
 * build's own files are recorded for the next. A failed build, or
 * {@code remove_stale_files = false}, removes nothing but adds its files to the record, so
 * that a page it wrote is still known when the post goes before the next successful build.
 *
 * <p>Only regular files are removed (one replaced by a folder or a link is not ours any more),
 * never through a link out of the output folder, then the folders they leave empty. The
 * profiler's report ({@link OutputDir#keepReport}) has a record of its own: a build that is
 * not profiled leaves the last report where it is (it was asked for, and the next profile's
 * Compare tab reads it); a profiled build removes the earlier report's files it did not write.
 *
 * <p>Cost: a warm build of 10,000 posts records some 10,000 names. The record starts with their
 * count and an order-independent digest, so a build that made the same files as the last (any
 * build that adds, removes or renames nothing) reads one line and writes nothing; the names are
 * written one per line, {@code a/index.html} as {@code a/}.
 */
public final class OutputRecord {

    static final String FILES = "output-files.txt";
    static final String REPORTS = "output-profile.txt";
    private static final String HEADER = "markata-java output files";

    private OutputRecord() {
    }

    /**
     * What happened after a build: the files removed (relative to the output folder, sorted), and
     * problems for the user (a damaged record, a file that could not be removed).
     */
    public record Outcome(List<String> removed, List<String> warnings) {
        public Outcome {
            removed = List.copyOf(removed);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Records this build's files ({@code output}'s) in {@code cacheDir}; when {@code remove}
     * (a successful build that may remove), first removes the files the last record names and
     * this build did not make. Never throws: what goes wrong is in the outcome's warnings.
     */
    public static Outcome settle(OutputDir output, Path cacheDir, boolean remove) {
        List<String> warnings = new ArrayList<>();
        String folder = folderName(cacheDir, output.root());
        if (folder == null) {
            return new Outcome(List.of(), warnings);
        }
        Names made = Names.of(output.made());
        Names reports = Names.of(output.reports());
        boolean profiled = !reports.names.isEmpty();
        Recorded lastFiles = Recorded.read(cacheDir.resolve(FILES), folder, warnings);
        Recorded lastReports = Recorded.read(cacheDir.resolve(REPORTS), folder, warnings);
        if (!remove) {
            write(cacheDir.resolve(FILES), folder, made.with(lastFiles), lastFiles, warnings);
            if (profiled) {
                write(cacheDir.resolve(REPORTS), folder, reports.with(lastReports), lastReports, warnings);
            }
            return new Outcome(List.of(), warnings);
        }
        List<String> stale = new ArrayList<>();
        if (lastFiles != null && !lastFiles.holds(made)) {
            Set<String> lastReport = profiled || lastReports == null ? Set.of() : lastReports.names();
            for (String name : lastFiles.names()) {
                if (!made.names.contains(name) && !reports.names.contains(name) && !lastReport.contains(name)) {
                    stale.add(name);
                }
            }
        }
        if (profiled && lastReports != null && !lastReports.holds(reports)) {
            for (String name : lastReports.names()) {
                if (!reports.names.contains(name) && !made.names.contains(name)) {
                    stale.add(name);
                }
            }
        }
        List<String> removed = new ArrayList<>();
        List<String> left = new ArrayList<>();
        remove(output.root(), stale, removed, left, warnings);
        // a file that could not be removed is still ours: the next build tries again
        write(cacheDir.resolve(FILES), folder, left.isEmpty() ? made : made.with(left), lastFiles, warnings);
        if (profiled) {
            write(cacheDir.resolve(REPORTS), folder, reports, lastReports, warnings);
        }
        removed.sort(null);
        return new Outcome(removed, warnings);
    }

    /**
     * The output folder as the record names it: from the site folder (the cache's parent), so a
     * site moved with its output folder keeps its record; null for a name no line can hold.
     */
    private static String folderName(Path cacheDir, Path root) {
        Path site = cacheDir.toAbsolutePath().normalize().getParent();
        String name = site == null ? root.toString() : SitePaths.slashed(site.relativize(root));
        return name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0 ? null : name;
    }

    /** Removes the stale files that are still regular files of the output folder, then the folders they leave empty. */
    private static void remove(Path root, List<String> stale, List<String> removed, List<String> left,
                               List<String> warnings) {
        if (stale.isEmpty() || !Files.isDirectory(root)) {
            return;
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return;
        }
        Set<Path> folders = new HashSet<>();
        for (String name : stale) {
            Path file;
            try {
                file = root.resolve(name).normalize();
            } catch (InvalidPathException e) {
                continue; // a record edited by hand
            }
            if (!file.startsWith(root) || file.equals(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue; // gone already, or a folder or a link now: not the file the build wrote
            }
            try {
                if (!file.getParent().toRealPath().startsWith(realRoot)) {
                    continue; // a folder that links out of the output folder
                }
                Files.delete(file);
                removed.add(name);
                folders.add(file.getParent());
            } catch (NoSuchFileException e) {
                // removed meanwhile
            } catch (IOException e) {
                left.add(name);
                warnings.add("cannot remove " + file + ", which an earlier build wrote and this one no longer makes: "
                        + reason(e));
            }
        }
        List<Path> deepestFirst = new ArrayList<>(folders);
        deepestFirst.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path folder : deepestFirst) {
            for (Path dir = folder; dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
                try {
                    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                        break;
                    }
                    Files.delete(dir);
                } catch (NoSuchFileException e) {
                    // an empty folder below it was removed with it earlier in this loop
                } catch (DirectoryNotEmptyException e) {
                    break;
                } catch (IOException e) {
                    break; // an empty folder left is harmless
                }
            }
        }
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : String.valueOf(e.getMessage());
    }

    /** Writes the record unless the last one holds the same names for the same folder. */
    private static void write(Path file, String folder, Names names, Recorded last, List<String> warnings) {
        if (last != null && last.holds(names)) {
            return;
        }
        StringBuilder text = new StringBuilder(64 + names.names.size() * 24);
        text.append(HEADER).append('\t').append(folder).append('\t').append(names.names.size()).append('\t')
                .append(Long.toHexString(names.digest)).append('\n');
        for (String name : names.names) {
            if (name.endsWith("/index.html")) {
                text.append(name, 0, name.length() - "index.html".length());
            } else {
                text.append(name);
            }
            text.append('\n');
        }
        try {
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            warnings.add("cannot write " + file + ": " + reason(e) + "; the files this build made in the output folder"
                    + " are not recorded, and the next build removes none that it no longer makes");
        }
    }

    /**
     * Names of output files with their count and digest. A name holding a line break cannot be
     * a line of the record: it is left out, so such a file is never removed.
     */
    private record Names(Set<String> names, long digest) {

        /** The names of a set, taken as they are unless one holds a line break. */
        static Names of(Set<String> names) {
            long digest = 0;
            for (String name : names) {
                long hash = hash(name);
                if (hash == LINE_BREAK) {
                    Set<String> kept = new HashSet<>(names);
                    kept.removeIf(n -> n.indexOf('\n') >= 0 || n.indexOf('\r') >= 0);
                    return of(kept);
                }
                digest += hash;
            }
            return new Names(names, digest);
        }

        /** These names and the record's. */
        Names with(Recorded last) {
            return last == null ? this : with(last.names());
        }

        Names with(Collection<String> more) {
            Set<String> all = new HashSet<>(names);
            all.addAll(more);
            return of(all);
        }

        /** What {@link #hash} gives a name holding a line break: such a name is not recorded. */
        private static final long LINE_BREAK = 0;

        /**
         * A 64-bit FNV-1a hash of the name, mixed (MurmurHash3's finalizer) so that the sum of a
         * set's hashes, which does not depend on their order, changes with any name; or
         * {@link #LINE_BREAK} for a name with a line break, found in the same pass.
         */
        static long hash(String name) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '\n' || c == '\r') {
                    return LINE_BREAK;
                }
                h ^= c;
                h *= 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
            return h == LINE_BREAK ? 1 : h;
        }
    }

    /** A record file as read: its header, and its names, parsed only when asked for. */
    private static final class Recorded {
        private final int count;
        private final long digest;
        private final String text;
        private final int bodyStart;
        private Set<String> names;

        private Recorded(int count, long digest, String text, int bodyStart) {
            this.count = count;
            this.digest = digest;
            this.text = text;
            this.bodyStart = bodyStart;
        }

        /** Whether the record holds {@code names} (same count and digest: a collision only leaves files). */
        boolean holds(Names other) {
            return count == other.names.size() && digest == other.digest;
        }

        Set<String> names() {
            if (names == null) {
                Set<String> parsed = new HashSet<>(Math.max(16, count * 4 / 3 + 1));
                for (int start = bodyStart; start < text.length(); ) {
                    int end = text.indexOf('\n', start);
                    String line = text.substring(start, end);
                    parsed.add(line.endsWith("/") ? line + "index.html" : line);
                    start = end + 1;
                }
                names = parsed;
            }
            return names;
        }

        /**
         * The record in {@code file} for the output folder {@code folder}; null without one, for
         * another folder, or damaged (then with a warning: nothing is removed after this build).
         */
        static Recorded read(Path file, String folder, List<String> warnings) {
            String text;
            try {
                text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                return damaged(file, "it cannot be read (" + reason(e) + ")", warnings);
            }
            int headerEnd = text.indexOf('\n');
            if (!text.endsWith("\n") || headerEnd < 0) {
                return damaged(file, "its last line is cut off", warnings);
            }
            String[] header = text.substring(0, headerEnd).split("\t", -1);
            int lines = 0;
            for (int i = headerEnd + 1; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lines++;
                }
            }
            try {
                if (header.length != 4 || !header[0].equals(HEADER) || Integer.parseInt(header[2]) != lines) {
                    return damaged(file, "it is not the record markata-java writes", warnings);
                }
                if (!header[1].equals(folder)) {
                    return null; // another output folder's: none of its names is a file of this one
                }
                return new Recorded(lines, Long.parseUnsignedLong(header[3], 16), text, headerEnd + 1);
            } catch (NumberFormatException e) {
                return damaged(file, "it is not the record markata-java writes", warnings);
            }
        }

        private static Recorded damaged(Path file, String why, List<String> warnings) {
            warnings.add("ignoring the cache file " + file + ": " + why + "; no file of the output folder is removed"
                    + " after this build, and the file is written again");
            return null;
        }
    }
}
