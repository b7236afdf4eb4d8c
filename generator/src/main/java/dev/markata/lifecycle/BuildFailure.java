package dev.markata.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a build failed: the stage, the plugin, and every problem found (one per broken document
 * when per-document work failed, so all broken posts are reported together).
 *
 * @param stage    the stage that failed
 * @param pluginId the plugin whose hook failed, or "markata" for the core itself
 * @param problems what went wrong, at least one
 */
public record BuildFailure(Stage stage, String pluginId, List<Problem> problems) {

    /**
     * One thing that went wrong.
     *
     * @param document the document being worked on ("posts/a.md"), or null when not per-document
     * @param message  a user-facing sentence
     * @param cause    the exception, for --verbose stack traces; null for expected user errors
     */
    public record Problem(String document, String message, Throwable cause) {
        public Problem {
            Objects.requireNonNull(message, "message");
        }
    }

    public BuildFailure {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(pluginId, "pluginId");
        problems = List.copyOf(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a build failure needs at least one problem");
        }
    }

    /** The first failing document, if the failure was per-document. */
    public Optional<String> document() {
        return problems.stream().map(Problem::document).filter(Objects::nonNull).findFirst();
    }

    /**
     * The user-facing description, one problem per line, at most {@value #SHOWN_PROBLEMS} of
     * them: a broken shared template fails every post, and ten thousand copies of one message
     * would bury the first, which is the one to read.
     */
    public String describe() {
        String head = "build failed in stage " + stage.id() + ", plugin " + pluginId
                + document().map(d -> ", document " + d).orElse("") + ":";
        String shown = problems.stream().limit(SHOWN_PROBLEMS).map(p -> "\n  " + p.message())
                .collect(Collectors.joining());
        int more = problems.size() - SHOWN_PROBLEMS;
        return head + shown + (more > 0 ? "\n  ... and " + more + " more (" + problems.size() + " in all)" : "");
    }

    /** How many problems {@link #describe} lists before it only counts the rest. */
    static final int SHOWN_PROBLEMS = 20;
}
