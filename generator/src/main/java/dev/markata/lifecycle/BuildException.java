package dev.markata.lifecycle;

import java.nio.file.Path;
import java.util.Optional;

/** A build failed; {@link #failure()} says where (stage, plugin, documents) and why. */
public final class BuildException extends Exception {

    private final transient BuildFailure failure;
    private final long filesWritten;
    private final transient Path outputDir;

    public BuildException(BuildFailure failure) {
        this(failure, 0, null);
    }

    /** A failure after the build wrote {@code filesWritten} files to {@code outputDir}. */
    public BuildException(BuildFailure failure, long filesWritten, Path outputDir) {
        super(failure.describe(), failure.problems().get(0).cause());
        this.failure = failure;
        this.filesWritten = filesWritten;
        this.outputDir = outputDir;
    }

    public BuildFailure failure() {
        return failure;
    }

    /**
     * How many files the build wrote to the output folder before it failed (each whole): pages
     * are written as they are rendered, so until a build succeeds the folder mixes them with the
     * files of the builds before.
     */
    public long filesWritten() {
        return filesWritten;
    }

    /**
     * What a user is told after the error when the build wrote files before it failed: that the
     * output folder now mixes them with the builds before. Said after the error, not as a warning
     * during the build, so that a failed build's output begins with its error.
     */
    public Optional<String> mixedOutput() {
        if (filesWritten == 0) {
            return Optional.empty();
        }
        return Optional.of(filesWritten + (filesWritten == 1 ? " file of this build was" : " files of this build were")
                + " written to " + outputDir + " before it failed: until a build succeeds, the folder mixes them"
                + " with the files of the builds before");
    }
}
