package dev.markata.lifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /** The plugin id of a failure before the first stage ({@link #beforeStages}). */
    private static final String BEFORE_STAGES = "markata (before its first stage)";

    /**
     * The build did not start: it gave up waiting for another build of the site
     * ({@code MARKATA_LOCK_TIMEOUT}). Described as {@code build failed: <message>}: no stage ran.
     */
    public static BuildFailure beforeStages(String message) {
        return new BuildFailure(Stage.inOrder().get(0), BEFORE_STAGES, List.of(new Problem(null, message, null)));
    }

    /** Whether the build did not start, as it gave up waiting for another build ({@link #beforeStages}). */
    public boolean gaveUpWaiting() {
        return pluginId.equals(BEFORE_STAGES);
    }

    /** What the first problem of an interruption says, followed by the stage. */
    private static final String INTERRUPTED = "interrupted";

    /**
     * The build was stopped while {@code stage} ran (Ctrl-C, the process shutting down), not
     * broken by a plugin or a document.
     */
    public static BuildFailure interruption(Stage stage) {
        return new BuildFailure(stage, "markata", List.of(new Problem(null, INTERRUPTED + " during stage " + stage.id(),
                null)));
    }

    /**
     * Whether the build was stopped rather than broken: {@link #interruption}, or a hook whose
     * wait was interrupted (its thread is interrupted when the process is stopped).
     */
    public boolean interrupted() {
        return problems.stream().anyMatch(p -> p.cause() instanceof InterruptedException
                || p.document() == null && p.message().startsWith(INTERRUPTED));
    }

    /** The first failing document, if the failure was per-document. */
    public Optional<String> document() {
        return problems.stream().map(Problem::document).filter(Objects::nonNull).findFirst();
    }

    /**
     * The user-facing description, one problem per line, at most {@value #SHOWN_PROBLEMS} lines
     * of them. The same problem in several documents (a broken shared template fails every post
     * with one message) is one line naming the documents: ten thousand copies of it would bury
     * any other problem, and the first is the one to read.
     */
    public String describe() {
        if (pluginId.equals(BEFORE_STAGES)) {
            return "build failed: " + problems.get(0).message();
        }
        String head = "build failed in stage " + stage.id() + ", plugin " + pluginId
                + document().map(d -> ", document " + d).orElse("") + ":";
        List<Said> lines = new ArrayList<>();
        Map<String, Said> byMessage = new HashMap<>();
        for (Problem problem : problems) {
            String prefix = problem.document() + ": ";
            if (problem.document() == null || !problem.message().startsWith(prefix)) {
                lines.add(new Said(problem.message(), List.of()));
                continue;
            }
            String what = problem.message().substring(prefix.length());
            Said said = byMessage.get(what);
            if (said == null) {
                said = new Said(what, new ArrayList<>());
                byMessage.put(what, said);
                lines.add(said);
            }
            said.documents().add(problem.document());
        }
        StringBuilder text = new StringBuilder(head);
        int shown = 0;
        for (Said said : lines.subList(0, Math.min(lines.size(), SHOWN_PROBLEMS))) {
            text.append("\n  ").append(said);
            shown += Math.max(1, said.documents().size());
        }
        int more = problems.size() - shown;
        return text + (more > 0 ? "\n  ... and " + more + " more (" + problems.size() + " in all)" : "");
    }

    /** A line of {@link #describe}: a problem and the documents it was found in (none: of no document). */
    private static final class Said {
        private final String what;
        private final List<String> documents;

        Said(String what, List<String> documents) {
            this.what = what;
            this.documents = documents;
        }

        List<String> documents() {
            return documents;
        }

        @Override
        public String toString() {
            int count = documents.size();
            if (count == 0) {
                return what;
            }
            if (count == 1) {
                return documents.get(0) + ": " + what;
            }
            if (count <= NAMED_DOCUMENTS) {
                return what + ", in " + String.join(", ", documents.subList(0, count - 1)) + " and " + documents.get(count - 1);
            }
            return what + ", in " + count + " documents: " + String.join(", ", documents.subList(0, NAMED_DOCUMENTS))
                    + " and " + (count - NAMED_DOCUMENTS) + " more";
        }
    }

    /** How many lines of problems {@link #describe} gives before it only counts the rest. */
    static final int SHOWN_PROBLEMS = 20;

    /** How many documents a problem found in many names. */
    private static final int NAMED_DOCUMENTS = 3;
}
