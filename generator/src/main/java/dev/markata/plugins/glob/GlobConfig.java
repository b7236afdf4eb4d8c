package dev.markata.plugins.glob;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import dev.markata.config.SiteConfig;
import java.nio.file.Path;
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

    private static GlobConfig read(ConfigTable glob, ConfigTable markata) throws ConfigException {
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
        // a pattern's fixed folder inside the output folder: the build never reads it, clean removes it
        String output = problems.read(() -> markata.string("output_dir", SiteConfig.DEFAULT_OUTPUT_DIR),
                SiteConfig.DEFAULT_OUTPUT_DIR);
        for (String pattern : patterns) {
            Path fixed = fixedFolder(pattern);
            if (!output.isBlank() && fixed != null && !Path.of(output).isAbsolute()
                    && fixed.startsWith(Path.of(output).normalize())) {
                problems.add(markata.error("output_dir", "holds the documents of glob pattern \"" + pattern
                        + "\", and the build never reads its output folder: choose a folder of its own, like"
                        + " \"markout\""));
            }
        }
        boolean useGitignore = problems.read(() -> glob.bool("use_gitignore", true), true);
        problems.throwIfAny();
        return new GlobConfig(patterns, useGitignore);
    }

    /** The folders a pattern names before its first wildcard ("posts" of "posts/**\/*.md"); null for none. */
    private static Path fixedFolder(String pattern) {
        String[] parts = (pattern.startsWith("./") ? pattern.substring(2) : pattern).split("/");
        StringBuilder fixed = new StringBuilder();
        for (int i = 0; i < parts.length - 1 && !parts[i].matches(".*[*?\\[].*"); i++) {
            fixed.append(fixed.length() == 0 ? "" : "/").append(parts[i]);
        }
        return fixed.length() == 0 ? null : Path.of(fixed.toString()).normalize();
    }
}
