package dev.markata.plugins.glob;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import java.util.List;

/**
 * {@code [markata.glob]}: which files are documents.
 *
 * @param globPatterns  glob patterns relative to the site folder ({@code **} matches any
 *                      number of folders, including none)
 * @param useGitignore  whether {@code .gitignore} rules exclude files ({@code .markataignore}
 *                      always does)
 */
public record GlobConfig(List<String> globPatterns, boolean useGitignore) {

    public static final ConfigSection<GlobConfig> SECTION = new ConfigSection<>("glob", GlobConfig::read);

    public GlobConfig {
        globPatterns = List.copyOf(globPatterns);
    }

    private static GlobConfig read(dev.markata.config.ConfigTable glob, dev.markata.config.ConfigTable markata)
            throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        // Sites written for markata before 0.8 put glob_patterns directly under [markata].
        List<String> fallback = problems.read(() -> markata.stringList("glob_patterns", List.of("**/*.md")),
                List.of("**/*.md"));
        List<String> patterns = problems.read(() -> glob.stringList("glob_patterns", fallback), fallback);
        if (patterns.isEmpty()) {
            problems.add(glob.error("glob_patterns", "must list at least one pattern, like [\"**/*.md\"]"));
        }
        if (patterns.stream().anyMatch(pattern -> pattern.startsWith("/") || pattern.contains(".."))) {
            problems.add(glob.error("glob_patterns", "patterns must be relative to the site folder, without .."));
        }
        boolean useGitignore = problems.read(() -> glob.bool("use_gitignore", true), true);
        problems.throwIfAny();
        return new GlobConfig(patterns, useGitignore);
    }
}
