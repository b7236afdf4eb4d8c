package dev.markata.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a {@code hooks} name is a Python package the site depends on: markata-slide-starter
 * lists {@code markata_slides}, which its {@code pyproject.toml} depends on as
 * {@code markata-slides}; markata imports it and builds. Such a name cannot run here and is
 * skipped with a warning instead of failing as a typo would; only a dependency named in the
 * site's {@code pyproject.toml} or {@code requirements*.txt} counts, so a misspelt name still
 * fails with "did you mean".
 */
final class PythonDependencies {

    /** The distribution name a quoted requirement in pyproject.toml starts with. */
    private static final Pattern QUOTED_NAME = Pattern.compile("[\"']([A-Za-z0-9][A-Za-z0-9._-]*)");

    /** The distribution name a requirements.txt line starts with. */
    private static final Pattern LINE_NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");

    private PythonDependencies() {
    }

    /**
     * "pyproject.toml depends on markata-slides" when the top package of module {@code name} is a
     * dependency of the site in {@code siteDirectory}, else null.
     */
    static String of(Path siteDirectory, String name) {
        if (siteDirectory == null || name.startsWith("markata.") || !name.matches("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*")) {
            return null;
        }
        String wanted = normalized(name.split("\\.", 2)[0]);
        String found = dependency(siteDirectory.resolve("pyproject.toml"), QUOTED_NAME, wanted);
        if (found != null) {
            return found;
        }
        try (Stream<Path> files = Files.list(siteDirectory)) {
            List<Path> requirements = files.filter(file -> file.getFileName().toString().matches("requirements.*\\.txt"))
                    .sorted().toList();
            for (Path file : requirements) {
                found = dependency(file, LINE_NAME, wanted);
                if (found != null) {
                    return found;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return null;
    }

    private static String dependency(Path file, Pattern pattern, String wanted) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher matcher = pattern.matcher(line);
                while (matcher.find()) {
                    if (normalized(matcher.group(1)).equals(wanted)) {
                        return file.getFileName() + " depends on " + matcher.group(1);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return null;
    }

    /** Python's rule for comparing distribution and import names: case, '-', '_' and '.' alike. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "_");
    }
}
