package dev.markata.profiler.sampling;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The temp folder async-profiler writes a JVM's recording to while it runs,
 * {@code $TMPDIR/markata-profiler-<pid>}, one per JVM as the native library is (the recording
 * is read back and deleted at the stop), and the removal of the folders that ended JVMs left.
 */
final class JfrRecordingFolder {

    private static final String PREFIX = "markata-profiler-";

    private JfrRecordingFolder() {
    }

    /** Where this JVM's recordings are written while they run: {@code $TMPDIR/markata-profiler-<pid>}. */
    static Path ofThisJvm() {
        return Path.of(System.getProperty("java.io.tmpdir"), PREFIX + ProcessHandle.current().pid());
    }

    /**
     * Removes the recording folders of processes that no longer run: a JVM that ended without
     * its shutdown hooks ({@code Runtime.halt}, {@code kill -9}, a crash) left its folder and a
     * JFR file as big as its run. Only {@code markata-profiler-<pid>} folders are looked at, only
     * their {@code recording-*.jfr} files deleted; what cannot be deleted (another user's) is left.
     */
    static void removeStale() {
        Path tmp = ofThisJvm().getParent();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, PREFIX + "[0-9]*")) {
            for (Path folder : folders) {
                long pid;
                try {
                    pid = Long.parseLong(folder.getFileName().toString().substring(PREFIX.length()));
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                if (ProcessHandle.of(pid).isPresent()) {
                    continue; // running (this JVM, another one recording, or a reused pid)
                }
                try (DirectoryStream<Path> recordings = Files.newDirectoryStream(folder, "recording-*.jfr")) {
                    for (Path recording : recordings) {
                        Files.deleteIfExists(recording);
                    }
                    Files.deleteIfExists(folder); // not when something else is in it
                } catch (IOException | RuntimeException leftAlone) {
                    // another user's, or not a recording folder after all: the next one
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up after others is a courtesy: never a reason not to record
        }
    }
}
