package dev.markata.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which {@code hooks} names are Python packages a site's pyproject.toml or requirements depend on. */
class PythonDependenciesTest {

    @TempDir
    Path dir;

    /** markata-slide-starter's pyproject.toml as it is (hatch), plus the other places tools list dependencies. */
    private static final String PYPROJECT = """
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"

            [project]
            name = "nvimconf"

            description = ".."

            readme = "README.md"
            requires-python = ">=3.7"
            license = "MIT"


            authors = [
              { name = "Waylon Walker", email = "waylon@waylonwalker.com" },
            ]


            dependencies = ['markata~=0.6.0.dev0', 'markata-slides', 'markdown-it-py[plugins]']
            dynamic = ["version"]

            [project.optional-dependencies]
            charts = ["Markata.Charts >= 1; python_version >= '3.8'"]

            [dependency-groups]
            docs = ["mkdocs-thing", {include-group = "charts"}]

            [tool.hatch.version]
            path = "nvimconf/__about__.py"

            [tool.hatch.envs.default]
            dependencies = [
              "pyinstrument",
            ]

            [tool.hatch.envs.default.scripts]
            clean = "markata clean"
            build = "markata build"
            serve = "python -m http.server 8000 --directory=markout"

            [tool.poetry.dependencies]
            python = "^3.10"
            markata-poems = { version = "^1.0", optional = true }

            [tool.poetry.group.dev.dependencies]
            markata_todo = "*"
            """;

    private String of(String name) {
        return PythonDependencies.of(dir, name);
    }

    @Test
    void theDependenciesAreThoseTheToolsInstall() {
        new Site(dir).write("pyproject.toml", PYPROJECT);
        assertThat(of("markata_slides")).isEqualTo("pyproject.toml depends on markata-slides");
        assertThat(of("markata_slides.plugin")).isEqualTo("pyproject.toml depends on markata-slides");
        assertThat(of("markdown_it_py")).isEqualTo("pyproject.toml depends on markdown-it-py");
        assertThat(of("markata_charts")).isEqualTo("pyproject.toml depends on Markata.Charts");
        assertThat(of("mkdocs_thing")).isEqualTo("pyproject.toml depends on mkdocs-thing");
        assertThat(of("pyinstrument")).isEqualTo("pyproject.toml depends on pyinstrument");
        // poetry names its dependencies by key, unquoted
        assertThat(of("markata_poems")).isEqualTo("pyproject.toml depends on markata-poems");
        assertThat(of("markata_todo")).isEqualTo("pyproject.toml depends on markata_todo");
    }

    @Test
    void otherQuotedWordsOfTheFileAreNoDependencies() {
        new Site(dir).write("pyproject.toml", PYPROJECT);
        // the project itself, its build backend, an author, a script, the python requirement
        for (String name : new String[] {"nvimconf", "hatchling", "waylon", "README", "python", "clean"}) {
            assertThat(of(name)).as(name).isNull();
        }
    }

    @Test
    void requirementsFilesCountAndABrokenPyprojectIsNoDependency() {
        new Site(dir).write("pyproject.toml", "[project\nname = ")
                .write("requirements-dev.txt", "# tools\nmarkata-slides>=0.2  # slides\n-r base.txt\n");
        assertThat(of("markata_slides")).isEqualTo("requirements-dev.txt depends on markata-slides");
        assertThat(of("tools")).isNull();
    }

    /** A package installed from its repository is named by its #egg=, else by the repository. */
    @Test
    void aRequirementByAddressIsThePackageOfItsRepository() {
        new Site(dir).write("requirements.txt", """
                -e git+https://github.com/WaylonWalker/slides-fork.git@main#egg=markata_slides
                git+https://github.com/WaylonWalker/markata-todoui.git@v0.1
                https://github.com/WaylonWalker/markata-gh/archive/main.zip
                """);
        assertThat(of("markata_slides")).isEqualTo("requirements.txt depends on "
                + "git+https://github.com/WaylonWalker/slides-fork.git@main#egg=markata_slides");
        assertThat(of("markata_todoui")).isEqualTo("requirements.txt depends on "
                + "git+https://github.com/WaylonWalker/markata-todoui.git@v0.1");
        assertThat(of("slides_fork")).isNull();
        assertThat(of("main")).isNull();
    }
}
