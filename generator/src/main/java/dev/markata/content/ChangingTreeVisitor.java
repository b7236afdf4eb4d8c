package dev.markata.content;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;

/**
 * Walks a folder that others change while it is walked (a {@code git checkout}, an editor's
 * temporary file, serve --watch's site): an entry deleted after its folder was listed is left
 * out, as if the walk had come after, where the JDK's walk fails on it. The start folder itself
 * gone is still an error: the caller says what that means.
 */
public abstract class ChangingTreeVisitor extends SimpleFileVisitor<Path> {

    private final Path start;

    protected ChangingTreeVisitor(Path start) {
        this.start = start;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException && !file.equals(start)) {
            return FileVisitResult.CONTINUE;
        }
        throw e;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null && !(e instanceof NoSuchFileException && !dir.equals(start))) {
            throw e; // not deleted while its entries were read
        }
        return FileVisitResult.CONTINUE;
    }
}
