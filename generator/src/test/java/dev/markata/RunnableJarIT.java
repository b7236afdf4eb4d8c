package dev.markata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as users run it ({@code java -jar markata.jar}), after {@code package}, on the
 * JVM that runs the tests. It catches what only the shaded jar can get wrong and no in-process
 * test sees: its manifest (the main class; native access for the profiler's library, without
 * which JDK 24+ printed four warnings on every profiled build), the merged plugin service files
 * and the bundled resources.
 */
class RunnableJarIT {

    private static final Path JAR = Path.of(System.getProperty("markata.jar", "target/markata.jar"));

    @Test
    void theManifestNamesTheMainClassAndAllowsTheProfilersNativeLibrary() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo("dev.markata.cli.Main");
            assertThat(main.getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
        }
    }

    @Test
    void aQuietProfiledBuildFromTheJarWritesTheSiteAndItsReportAndPrintsOnlyWhereItIs(@TempDir Path dir)
            throws Exception {
        Path site = dir.resolve("site");
        new Site(site).write("markata.toml", "[markata]\ntitle = \"From the jar\"\n")
                .post("posts/hello.md", "title: Hello\npublished: true", "Built by `java -jar`.");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "build", "--profile", "--quiet", "--directory", site.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(build.waitFor(120, TimeUnit.SECONDS)).as("the build ends").isTrue();

        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(build.exitValue()).as(errors).isZero();
        Path report = site.resolve("markout/_profile/index.html");
        assertThat(errors).as("--quiet --profile: where the report is, no JVM warning").isEqualTo("Profile written to "
                + report + " (open it in a browser: " + report.toUri() + ")" + System.lineSeparator());
        assertThat(Files.readString(site.resolve("markout/hello/index.html"))).contains("Built by");
        assertThat(site.resolve("markout/_profile/index.html")).isNotEmptyFile();
    }
}
