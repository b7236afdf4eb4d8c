package dev.markata.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OutputDirTest {

    @Test
    void pagesAreReadableByEveryoneLikeOrdinaryFiles(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        OutputDir output = new OutputDir(dir);

        assertThat(output.write("post/index.html", "<p>hello</p>")).isTrue();

        Path page = dir.resolve("post/index.html");
        assertThat(Files.readString(page)).isEqualTo("<p>hello</p>");
        // A web server runs as another user: a page only its owner can read is a 403.
        assertThat(Files.getPosixFilePermissions(page))
                .contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);
        try (var files = Files.list(page.getParent())) {
            assertThat(files).containsExactly(page);
        }
    }

    @Test
    void theFilesWrittenAndKeptAreThisBuildsByOnePathEach(@TempDir Path dir) throws IOException {
        OutputDir output = new OutputDir(dir);
        output.write("a/index.html", "a");
        output.write("a/index.html", "a"); // unchanged, still this build's
        output.keep("b/index.html");
        output.keep("./c//d.txt");
        output.write("e/../f.txt", "f");
        output.keepReport(dir.resolve("_profile/index.html"));
        output.keepReport(dir.resolveSibling("elsewhere.html"));

        assertThat(output.made()).containsExactlyInAnyOrder("a/index.html", "b/index.html", "c/d.txt", "f.txt");
        assertThat(output.reports()).containsExactly("_profile/index.html");
        assertThatThrownBy(() -> output.keep("../outside.html")).isInstanceOf(IllegalArgumentException.class);
        // a name no line of the record can hold is not noted (never removed)
        output.keep("line\nbreak.html");
        assertThat(output.made()).doesNotContain("line\nbreak.html").hasSize(4);
        assertThatThrownBy(() -> output.keep("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBackslashIsPartOfANameOnUnixNotAFolder(@TempDir Path dir) throws IOException {
        assumeTrue(java.io.File.separatorChar == '/', "a backslash separates names on Windows");
        OutputDir output = new OutputDir(dir);
        output.write("a\\b.txt", "x");
        assertThat(output.made()).containsExactly("a\\b.txt");
        assertThat(dir.resolve("a\\b.txt")).isRegularFile();
    }

    /**
     * A site folder the user may not write to: the system's exception carries no reason, only the
     * path, and the message said "cannot write .../.markata.cache: .../.markata.cache".
     */
    @Test
    void aFolderWithoutWritePermissionSaysPermissionDenied(@TempDir Path dir) {
        Path cache = dir.resolve(".markata.cache");
        assertThat(new OutputDir.WriteFailed(cache, new java.nio.file.AccessDeniedException(cache.toString())))
                .hasMessage("cannot write " + cache + ": permission denied");
        Path temporary = dir.resolve("markout/a/.index.html.1234.tmp");
        assertThat(new OutputDir.WriteFailed(dir.resolve("markout/a/index.html"),
                new java.nio.file.AccessDeniedException(temporary.toString())))
                .hasMessage("cannot write " + dir.resolve("markout/a/index.html") + ": permission denied");
        assertThat(new OutputDir.WriteFailed(cache, new java.nio.file.FileSystemException(cache.toString(), null,
                "Read-only file system"))).hasMessage("cannot write " + cache + ": Read-only file system");
    }
}
