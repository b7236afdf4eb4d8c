package dev.markata.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds which {@code hooks} names a site's own Python code or Python dependencies provide: a
 * module of the site ({@code plugins.thoughts} as {@code plugins/thoughts.py}) or a package its
 * {@code pyproject.toml} or {@code requirements*.txt} depends on ({@code markata_slides} from
 * {@code markata-slides}). markata would import those and build; markata-java cannot run Python,
 * so such a name is skipped with a warning instead of failing as a typo would. Only evidence in
 * the site counts, so a misspelt name still fails with "did you mean".
 *
 * @param directory the site folder
 */
public record PythonPlugins(Path directory) {

    /** Quoted requirement strings in pyproject.toml: the distribution name they start with. */
    private static final Pattern QUOTED_NAME = Pattern.compile("[\"']([A-Za-z0-9][A-Za-z0-9._-]*)");

    /** The start of a requirements.txt line: the distribution name. */
    private static final Pattern LINE_NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");

    /** What shows that {@code name} is a Python plugin of the site, or empty. */
    public Optional<String> evidence(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            return Optional.empty();
        }
        String modulePath = name.replace('.', '/');
        for (String file : new String[] {modulePath + ".py", modulePath + "/__init__.py"}) {
            if (Files.isRegularFile(directory.resolve(file))) {
                return Optional.of(file);
            }
        }
        String wanted = normalized(name.split("\\.", 2)[0]);
        return dependency(directory.resolve("pyproject.toml"), QUOTED_NAME, wanted)
                .or(() -> requirements(wanted));
    }

    private Optional<String> requirements(String wanted) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("requirements.*\\.txt"))
                    .sorted()
                    .map(file -> dependency(file, LINE_NAME, wanted))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "pyproject.toml depends on markata-slides" when a name {@code pattern} finds in the file matches. */
    private Optional<String> dependency(Path file, Pattern pattern, String wanted) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher matcher = pattern.matcher(line);
                while (matcher.find()) {
                    if (normalized(matcher.group(1)).equals(wanted)) {
                        return Optional.of(file.getFileName() + " depends on " + matcher.group(1));
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Python's rule for comparing distribution and import names: case, '-', '_' and '.' alike. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "_");
    }
}
