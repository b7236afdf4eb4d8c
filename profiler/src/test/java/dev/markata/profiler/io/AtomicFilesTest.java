package dev.markata.profiler.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesBytesIntoNewFoldersReadableByEveryone() throws IOException {
        Path target = dir.resolve("a/b/page.html");
        AtomicFiles.write(target, "<p>hi</p>".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("<p>hi</p>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        assertThat(siblings()).containsExactly(dir.resolve("a"));
    }

    @Test
    void writesUtf8TextThroughAWriterAndReplacesTheOldFile() throws IOException {
        Path target = dir.resolve("report.txt");
        Files.writeString(target, "old and longer than the new text");
        AtomicFiles.writeText(target, out -> out.write("naïve — ✓"));
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("naïve — ✓");
    }

    @Test
    void aWriterThatFailsLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("keys.tsv");
        Files.writeString(target, "complete old version\n");
        assertThatThrownBy(() -> AtomicFiles.write(target, (OutputStream out) -> {
            out.write("half of the new ver".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessage("No space left on device");
        assertThat(target).hasContent("complete old version\n");
        assertThat(siblings()).containsExactly(target);
    }

    @Test
    void anUncheckedFailureAlsoCleansUp() throws IOException {
        Path target = dir.resolve("stats.json");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, out -> {
            out.write("{");
            throw new IllegalStateException("renderer bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(target).doesNotExist();
        assertThat(siblings()).isEmpty();
    }

    @Test
    void textThatCannotBeEncodedIsAnErrorNotAQuestionMark() throws IOException {
        Path target = dir.resolve("broken.txt");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, out -> out.write("lone surrogate \uD800 here")))
                .isInstanceOf(IOException.class);
        assertThat(target).doesNotExist();
        assertThat(siblings()).isEmpty();
    }

    private java.util.List<Path> siblings() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
