package dev.markata.plugins.glob;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ignore rules in {@code .gitignore} syntax (blank lines and {@code #} comments skipped,
 * {@code !} re-includes, a trailing {@code /} matches folders only, a pattern with a {@code /}
 * is anchored at the site folder, {@code *}, {@code ?}, {@code [...]} and {@code **}). The last
 * matching rule wins, as in git. Also markata's {@code [markata.jinja_md] ignore} patterns.
 */
public final class IgnoreRules {

    private record Rule(Pattern pattern, boolean negated, boolean foldersOnly) {
    }

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static IgnoreRules none() {
        return new IgnoreRules(List.of());
    }

    /** The rules of every file in {@code files} that exists, in order. */
    static IgnoreRules read(List<Path> files) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                try {
                    lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                } catch (NoSuchFileException gone) {
                    // deleted since (git checkout of a branch without it): absent, as for the next build
                }
            }
        }
        return parse(lines);
    }

    public static IgnoreRules parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.replaceAll("(?<!\\\\)\\s+$", "");
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            if (negated) {
                line = line.substring(1);
            } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean foldersOnly = line.endsWith("/");
            if (foldersOnly) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            boolean anchored = line.contains("/");
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            String regex = (anchored ? "" : "(?:.*/)?") + Globs.toRegex(line);
            rules.add(new Rule(Pattern.compile(regex), negated, foldersOnly));
        }
        return new IgnoreRules(rules);
    }

    /** Whether {@code relative} ('/'-separated, relative to the site folder) is ignored. */
    public boolean ignores(String relative, boolean isFolder) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (rule.foldersOnly() && !isFolder) {
                continue;
            }
            if (rule.negated() != ignored) {
                continue; // this rule cannot change the outcome
            }
            if (rule.pattern().matcher(relative).matches()) {
                ignored = !rule.negated();
            }
        }
        return ignored;
    }
}
