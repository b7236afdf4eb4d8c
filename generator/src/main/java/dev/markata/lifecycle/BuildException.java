package dev.markata.lifecycle;

/** A build failed; {@link #failure()} says where (stage, plugin, documents) and why. */
public final class BuildException extends Exception {

    private final transient BuildFailure failure;
    private final long filesWritten;

    public BuildException(BuildFailure failure) {
        this(failure, 0);
    }

    /** A failure after the build wrote {@code filesWritten} files to the output folder. */
    public BuildException(BuildFailure failure, long filesWritten) {
        super(failure.describe(), failure.problems().get(0).cause());
        this.failure = failure;
        this.filesWritten = filesWritten;
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
}
