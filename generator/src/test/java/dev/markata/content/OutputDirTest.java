package dev.markata.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;
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
}
