package dev.markata.lifecycle;

/** A build failed; {@link #failure()} says where (stage, plugin, documents) and why. */
public final class BuildException extends Exception {

    private final transient BuildFailure failure;

    public BuildException(BuildFailure failure) {
        super(failure.describe(), failure.problems().get(0).cause());
        this.failure = failure;
    }

    public BuildFailure failure() {
        return failure;
    }
}
