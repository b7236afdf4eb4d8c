package dev.markata.lifecycle;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Some documents of a batch failed. Thrown by {@link BuildExecutor#map} after every document of
 * the batch has been tried, so one build reports every broken document, not just the first;
 * the lifecycle turns it into a {@link BuildFailure} naming the stage and plugin.
 */
public final class DocumentFailures extends Exception {

    private final transient List<BuildFailure.Problem> problems;

    public DocumentFailures(List<BuildFailure.Problem> problems) {
        super(problems.stream().map(BuildFailure.Problem::message).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<BuildFailure.Problem> problems() {
        return problems;
    }
}
