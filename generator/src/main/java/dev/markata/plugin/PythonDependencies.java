package dev.markata.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Whether a {@code hooks} name is a Python package the site depends on: markata-slide-starter
 * lists {@code markata_slides}, which its {@code pyproject.toml} depends on as
 * {@code markata-slides}; markata imports it and builds. Such a name cannot run here and is
 * skipped with a warning instead of failing as a typo would; only a dependency named in the
 * site's {@code pyproject.toml} or {@code requirements*.txt} counts, so a misspelt name still
 * fails with "did you mean".
 *
 * <p>pyproject.toml is read as TOML, and only where the tools that install a site's packages list
 * them: {@code [project] dependencies} and {@code optional-dependencies} (PEP 621),
 * {@code [dependency-groups]} (PEP 735), hatch's environments ({@code [tool.hatch.envs.<env>]
 * dependencies}, {@code extra-dependencies}: the starters build in hatch's default one), poetry's
 * {@code dependencies} tables (names as keys, but {@code python}), pdm's and uv's
 * {@code dev-dependencies}. The project's own name, its build backend, its authors and scripts are
 * no dependencies. A pyproject.toml that is no valid TOML names none (markata.toml holds the
 * settings; the file is not the build's to judge).
 */
final class PythonDependencies {

    /** The distribution name a requirement (PEP 508, or a requirements.txt line) starts with. */
    private static final Pattern REQUIREMENT_NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");

    /**
     * A requirements.txt line installing from a repository or an archive by its address
     * ({@code git+https://github.com/WaylonWalker/markata-todoui}, {@code -e git+...#egg=name}):
     * its name is the {@code #egg=} one, else a repository's last part without {@code .git} and
     * {@code @ref}, as the repositories of markata's plugins are named after their packages (an
     * archive's address names none).
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "^\\s*(?:(?:-e|--editable)\\s+)?((?:git|hg|svn|bzr)\\+\\S+|https?://\\S+)");
    private static final Pattern EGG = Pattern.compile("#egg=([A-Za-z0-9][A-Za-z0-9._-]*)");

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
        Path pyproject = siteDirectory.resolve("pyproject.toml");
        String found = find(pyprojectDependencies(pyproject), wanted);
        if (found != null) {
            return pyproject.getFileName() + " depends on " + found;
        }
        try (Stream<Path> files = Files.list(siteDirectory)) {
            List<Path> requirements = files.filter(file -> file.getFileName().toString().matches("requirements.*\\.txt"))
                    .sorted().toList();
            for (Path file : requirements) {
                found = find(Files.readAllLines(file, StandardCharsets.UTF_8), wanted);
                if (found != null) {
                    return file.getFileName() + " depends on " + found;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return null;
    }

    /** The name of the first requirement that is {@code wanted}, as written (an address whole), or null. */
    private static String find(List<String> requirements, String wanted) {
        for (String requirement : requirements) {
            Matcher address = ADDRESS.matcher(requirement);
            if (address.find()) {
                if (normalized(addressName(address.group(1))).equals(wanted)) {
                    return address.group(1);
                }
                continue;
            }
            Matcher matcher = REQUIREMENT_NAME.matcher(requirement);
            if (matcher.find() && normalized(matcher.group(1)).equals(wanted)) {
                return matcher.group(1);
            }
        }
        return null;
    }

    /** The package an address installs (see {@link #ADDRESS}). */
    private static String addressName(String address) {
        Matcher egg = EGG.matcher(address);
        if (egg.find()) {
            return egg.group(1);
        }
        if (address.startsWith("http")) {
            return "";
        }
        String path = address.replaceFirst("[#?].*$", "").replaceFirst("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.replaceFirst("@.*$", "").replaceFirst("\\.git$", "");
    }

    /** The requirements pyproject.toml lists where installers read them (see the class). */
    private static List<String> pyprojectDependencies(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            return List.of();
        }
        if (toml.hasErrors()) {
            return List.of();
        }
        List<String> requirements = new ArrayList<>();
        strings(toml.get("project.dependencies"), requirements);
        eachValue(toml.get("project.optional-dependencies"), value -> strings(value, requirements));
        eachValue(toml.get("dependency-groups"), value -> strings(value, requirements));
        eachValue(toml.get("tool.hatch.envs"), env -> {
            if (env instanceof TomlTable table) {
                strings(table.get("dependencies"), requirements);
                strings(table.get("extra-dependencies"), requirements);
            }
        });
        strings(toml.get("tool.uv.dev-dependencies"), requirements);
        eachValue(toml.get("tool.pdm.dev-dependencies"), value -> strings(value, requirements));
        poetryNames(toml.get("tool.poetry.dependencies"), requirements);
        poetryNames(toml.get("tool.poetry.dev-dependencies"), requirements);
        eachValue(toml.get("tool.poetry.group"), group -> {
            if (group instanceof TomlTable table) {
                poetryNames(table.get("dependencies"), requirements);
            }
        });
        return requirements;
    }

    /** The strings of an array (requirements; other entries, as PEP 735's include-group tables, left out). */
    private static void strings(Object array, List<String> into) {
        if (array instanceof TomlArray list) {
            for (Object item : list.toList()) {
                if (item instanceof String requirement) {
                    into.add(requirement);
                }
            }
        }
    }

    private static void eachValue(Object table, Consumer<Object> action) {
        if (table instanceof TomlTable values) {
            for (String key : values.keySet()) {
                action.accept(values.get(List.of(key)));
            }
        }
    }

    /** Poetry's dependencies: the keys of the table, but its Python version. */
    private static void poetryNames(Object table, List<String> into) {
        if (table instanceof TomlTable names) {
            names.keySet().stream().filter(key -> !key.equals("python")).forEach(into::add);
        }
    }

    /** Python's rule for comparing distribution and import names: case, '-', '_' and '.' alike. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "_");
    }
}
