package dev.markata.content;

import dev.markata.profiler.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

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
 * output folder is in no record and stays. Without a record (the first build, a cache deleted),
 * or with one made for another output folder, nothing is known to be ours and nothing is
 * removed; that build's own files are recorded for the next. A cache emptied because another
 * build of markata-java wrote it ({@link CacheDir}) keeps the records: they describe the output
 * folder, and a post withdrawn just before an upgrade must still go. A failed build, or
 * {@code remove_stale_files = false}, removes nothing but adds its files to the record, so
 * that a page it wrote is still known when the post goes before the next successful build.
 *
 * <p>Only regular files are removed (one replaced by a folder or a link is not ours any more),
 * never through a link out of the output folder, then the folders they leave empty. The
 * profiler's report ({@link OutputDir#keepReport}) has a record of its own: a build that is
 * not profiled leaves the last report where it is (it was asked for, and the next profile's
 * Compare tab reads it); a profiled build removes the earlier report's files it did not write.
 *
 * <p>Cost: a warm build of 10,000 posts records some 10,000 names, and stats no file for it. The
 * record starts with their count and an order-independent digest of their hash codes (cached in
 * the names already), so a build that made the same files as the last (one that adds, removes
 * or renames nothing) reads one line and writes nothing; the names are written one per line,
 * {@code a/index.html} as {@code a/} (340 KB for the 10,000 posts of the benchmark corpus).
 */
public final class OutputRecord {

    static final String FILES = "output-files.txt";
    static final String REPORTS = "output-profile.txt";
    /** The records a cache emptied for other code keeps ({@link CacheDir}). */
    static final Set<String> OUTLIVES_CODE = Set.of(FILES, REPORTS);
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
        Names made = Names.of(output.madeNames());
        Names reports = Names.of(output.reportNames());
        boolean profiled = !reports.names.isEmpty();
        Recorded lastFiles = Recorded.read(cacheDir.resolve(FILES), folder, warnings);
        Recorded lastReports = Recorded.read(cacheDir.resolve(REPORTS), folder, warnings);
        if (!remove) {
            write(cacheDir.resolve(FILES), folder, made.with(lastFiles, warnings), lastFiles, warnings);
            if (profiled) {
                write(cacheDir.resolve(REPORTS), folder, reports.with(lastReports, warnings), lastReports, warnings);
            }
            return new Outcome(List.of(), warnings);
        }
        // the last report stays through a build that is not profiled
        Set<String> lastReport = profiled || lastReports == null ? null : lastReports.names(warnings);
        List<String> stale = new ArrayList<>(notMade(lastFiles, made, name -> made.names.contains(name)
                || reports.names.contains(name) || lastReport != null && lastReport.contains(name), warnings));
        if (profiled) {
            stale.addAll(notMade(lastReports, reports,
                    name -> reports.names.contains(name) || made.names.contains(name), warnings));
        }
        List<String> removed = new ArrayList<>();
        List<String> left = new ArrayList<>();
        stale.removeAll(madeUnderAnotherCase(output.root(), stale, made.names, reports.names));
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
     * The files the last record of {@code root} names (relative, {@code a/index.html}): what an
     * earlier build of markata-java wrote or kept there, the profiler's report too; empty
     * without a record (or a damaged one). For an output folder that is also {@code assets_dir},
     * whose other files are the author's.
     */
    public static Set<String> lastMade(Path cacheDir, Path root) {
        String folder = folderName(cacheDir, root);
        Set<String> names = new HashSet<>();
        if (folder == null) {
            return names;
        }
        List<String> warnings = new ArrayList<>();
        for (String record : List.of(FILES, REPORTS)) {
            Recorded last = Recorded.read(cacheDir.resolve(record), folder, warnings);
            Set<String> recorded = last == null ? null : last.names(warnings);
            if (recorded != null) {
                names.addAll(recorded);
            }
        }
        return names;
    }

    /**
     * Removes the files {@link #lastMade} names that are still regular files of {@code root},
     * then the folders they leave empty ({@code markata clean} of an output folder that is also
     * {@code assets_dir}); returns the names removed, sorted.
     */
    public static List<String> removeMade(Path cacheDir, Path root) {
        List<String> removed = new ArrayList<>();
        remove(root, new ArrayList<>(new TreeSet<>(lastMade(cacheDir, root))), removed, new ArrayList<>(),
                new ArrayList<>());
        removed.sort(null);
        return removed;
    }

    /**
     * The files of {@code root} (relative, sorted) that no record names and that are not
     * {@linkplain Leftovers leftovers} of a build: what the author or another tool put there,
     * or what a build wrote before the record was lost. Links are not followed, and a link is a
     * file here. Empty when {@code root} is no folder.
     */
    public static List<String> unrecorded(Path cacheDir, Path root) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        Set<String> made = lastMade(cacheDir, root);
        List<String> others = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).forEach(path -> {
                String name = SitePaths.slashed(root.relativize(path));
                if (!made.contains(name) && !Leftovers.is(path)) {
                    others.add(name);
                }
            });
        }
        others.sort(null);
        return others;
    }

    /**
     * The names of {@code last} that {@code made} does not hold; none without a record, when it
     * holds the same names as {@code names} (read no further than its header), or when it turns
     * out damaged. Looked up as they are read, without a set of them (10,000 names).
     */
    private static List<String> notMade(Recorded last, Names names, Predicate<String> made, List<String> warnings) {
        if (last == null || last.holds(names)) {
            return List.of();
        }
        List<String> stale = new ArrayList<>();
        return last.read(warnings, name -> {
            if (!made.test(name)) {
                stale.add(name);
            }
        }) ? stale : List.of();
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

    /**
     * The stale names that are, on this file system, a file this build made under a name that
     * differs only in case: on a file system that ignores case (macOS, Windows) an asset renamed
     * from {@code Logo.png} to {@code logo.png} is one file, which this build kept as
     * {@code logo.png}, and removing {@code Logo.png} would remove it. Made names are looked at
     * only when a stale name is.
     */
    private static Set<String> madeUnderAnotherCase(Path root, List<String> stale, Set<String> made,
                                                    Set<String> reports) {
        if (stale.isEmpty()) {
            return Set.of();
        }
        Map<String, List<String>> staleByCase = new HashMap<>();
        for (String name : stale) {
            staleByCase.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
        }
        Set<String> same = new HashSet<>();
        for (Set<String> names : List.of(made, reports)) {
            for (String name : names) {
                List<String> others = staleByCase.get(name.toLowerCase(Locale.ROOT));
                if (others == null) {
                    continue;
                }
                for (String other : others) {
                    try {
                        if (Files.isSameFile(root.resolve(other), root.resolve(name))) {
                            same.add(other);
                        }
                    } catch (IOException | InvalidPathException e) {
                        // not there, or not a name here: not the same file
                    }
                }
            }
        }
        return same;
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
                        + OutputDir.WriteFailed.reason(e));
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
            warnings.add("cannot write " + file + ": " + OutputDir.WriteFailed.reason(e) + "; the files this build made"
                    + " in the output folder are not recorded, and the next build removes none that it no longer makes");
        }
    }

    /**
     * Names of output files (none with a line break: {@link OutputDir#made()}) with their count
     * and digest.
     */
    private record Names(Set<String> names, long digest) {

        static Names of(FileNames names) {
            return new Names(names.view(), names.digest());
        }

        static Names of(Set<String> names) {
            long digest = 0;
            for (String name : names) {
                digest += FileNames.hash(name);
            }
            return new Names(names, digest);
        }

        /** These names and the record's (the record's that can be read). */
        Names with(Recorded last, List<String> warnings) {
            if (last == null || last.holds(this)) {
                return this;
            }
            Set<String> recorded = last.names(warnings);
            return recorded == null ? this : with(recorded);
        }

        Names with(Collection<String> more) {
            Set<String> all = new HashSet<>(names);
            all.addAll(more);
            return of(all);
        }
    }

    /**
     * A record file: its header, read first, and its names, read only when asked for (a build
     * that made the files the header counts and digests reads one line).
     */
    private static final class Recorded {
        private final Path file;
        private final int count;
        private final long digest;
        private boolean damaged;

        private Recorded(Path file, int count, long digest) {
            this.file = file;
            this.count = count;
            this.digest = digest;
        }

        /** Whether the record holds {@code names} (same count and digest). */
        boolean holds(Names other) {
            return !damaged && count == other.names.size() && digest == other.digest;
        }

        /** The names, or null when the file turns out damaged (with a warning). */
        Set<String> names(List<String> warnings) {
            Set<String> names = new HashSet<>(Math.max(16, count * 4 / 3 + 1));
            return read(warnings, names::add) ? names : null;
        }

        /**
         * Gives every name to {@code each}; false when the file turns out damaged (with a
         * warning), and what {@code each} was given is not to be used.
         */
        boolean read(List<String> warnings, Consumer<String> each) {
            if (damaged) {
                return false;
            }
            String text;
            try {
                text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return damaged(warnings, "it cannot be read (" + OutputDir.WriteFailed.reason(e) + ")");
            }
            if (!text.endsWith("\n")) {
                return damaged(warnings, "its last line is cut off");
            }
            int lines = 0;
            for (int start = text.indexOf('\n') + 1; start < text.length(); lines++) {
                int end = text.indexOf('\n', start);
                each.accept(text.charAt(end - 1) == '/' ? text.substring(start, end) + "index.html"
                        : text.substring(start, end));
                start = end + 1;
            }
            return lines == count || damaged(warnings, "it does not hold the " + count + " names it counts");
        }

        private boolean damaged(List<String> warnings, String why) {
            damaged = true;
            warnings.add(ignoring(file, why));
            return false;
        }

        /**
         * The record in {@code file} for the output folder {@code folder}, its header read; null
         * without one, for another folder, or with a damaged header (then with a warning).
         */
        static Recorded read(Path file, String folder, List<String> warnings) {
            String header;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                header = reader.readLine();
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                warnings.add(ignoring(file, "it cannot be read (" + OutputDir.WriteFailed.reason(e) + ")"));
                return null;
            }
            String[] fields = header == null ? new String[0] : header.split("\t", -1);
            try {
                if (fields.length != 4 || !fields[0].equals(HEADER)) {
                    warnings.add(ignoring(file, "it is not the record markata-java writes"));
                    return null;
                }
                if (!fields[1].equals(folder)) {
                    return null; // another output folder's: none of its names is a file of this one
                }
                return new Recorded(file, Integer.parseInt(fields[2]), Long.parseUnsignedLong(fields[3], 16));
            } catch (NumberFormatException e) {
                warnings.add(ignoring(file, "it is not the record markata-java writes"));
                return null;
            }
        }

        private static String ignoring(Path file, String why) {
            return "ignoring the cache file " + file + ": " + why + "; no file of the output folder is removed"
                    + " after this build, and the file is written again";
        }
    }
}
