package dev.markata.profiler.sampling;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the one-time warning says when async-profiler's library loads from no folder. */
class LibraryLoadTest {

    /**
     * The JVM's message for a library on a noexec mount names the file twice
     * ({@code /tmp/x/lib.so: /tmp/x/lib.so: failed to map segment from shared object}); with
     * the folder in front, each of the three folders tried printed its path three times.
     */
    @Test
    void aFolderThatCannotLoadIsNamedOnceWithTheReasonAndAHintForNoexec() {
        Path folder = Path.of("/tmp/markata-profiler-me");
        Path file = folder.resolve("libasyncProfiler-916b8-40ce2ae5.so");
        UnsatisfiedLinkError noexec = new UnsatisfiedLinkError(file + ": " + file
                + ": failed to map segment from shared object");

        assertThat(AsyncProfilerLibrary.whyNotLoaded(folder, file, noexec)).isEqualTo(
                "/tmp/markata-profiler-me: failed to map segment from shared object (mounted noexec?)");
    }

    @Test
    void anotherReasonIsKeptAsItIs() {
        Path folder = Path.of("/home/me/.cache/markata-profiler");
        Path file = folder.resolve("lib.so");

        assertThat(AsyncProfilerLibrary.whyNotLoaded(folder, file,
                new java.nio.file.AccessDeniedException(folder.toString())))
                .isEqualTo("/home/me/.cache/markata-profiler: AccessDeniedException");
    }
}
