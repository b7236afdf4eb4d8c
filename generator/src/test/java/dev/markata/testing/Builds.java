package dev.markata.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.config.ConfigException;
import dev.markata.plugin.BuildMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds of a test's site folder with the built-in plugins and no environment. */
public final class Builds {

    private Builds() {
    }

    /** Builds the site, which must say no warning. */
    public static BuildResult withoutWarnings(Path site) throws Exception {
        Warnings warnings = new Warnings();
        BuildResult result = Markata.builder(site).environment(Map.of()).reporter(warnings).open().build();
        assertThat(warnings.messages).isEmpty();
        return result;
    }

    /** Builds the site and gives what it warned of. */
    public static List<String> warnings(Path site) throws Exception {
        Warnings warnings = new Warnings();
        Markata.builder(site).environment(Map.of()).reporter(warnings).open().build();
        return warnings.messages;
    }

    /**
     * Builds the site as it is (warm: its output and cache kept), then a copy of its sources
     * clean ({@link WarmVsClean}), and checks that both output folders hold the same files
     * alike; the warm output is returned.
     */
    public static Map<String, String> warmMatchesClean(Path site, String step) throws Exception {
        withoutWarnings(site);
        Path copy = Files.createTempDirectory("markata-clean-");
        try {
            assertThat(WarmVsClean.differences(site, copy, Builds::withoutWarnings)).as(step).isEmpty();
        } finally {
            new Site(copy).delete("");
        }
        return new Site(site).files("markout");
    }

    /** A build of a site folder, in a test's own way (with a memory kept across builds, say). */
    @FunctionalInterface
    public interface Build {
        BuildResult run(Path site) throws Exception;
    }

    /**
     * Builds of one process ({@code serve --watch}): each with {@code memory}, which keeps what
     * plugins keep from one build to the next; each must say no warning.
     */
    public static Build inProcess(BuildMemory memory) {
        return site -> {
            Warnings warnings = new Warnings();
            BuildResult result = Markata.builder(site).environment(Map.of()).memory(memory).reporter(warnings).open()
                    .build();
            assertThat(warnings.messages).isEmpty();
            return result;
        };
    }

    /**
     * Builds the site as it is with {@code build} (warm), checks that a clean build of a copy of
     * its sources makes the same files ({@link WarmVsClean}), and gives the warm build's result
     * (what it rendered).
     */
    public static BuildResult warmMatchingClean(Path site, String step, Build build) throws Exception {
        BuildResult result = build.run(site);
        Path copy = Files.createTempDirectory("markata-clean-");
        try {
            assertThat(WarmVsClean.differences(site, copy, Builds::withoutWarnings)).as(step).isEmpty();
        } finally {
            new Site(copy).delete("");
        }
        return result;
    }

    /** Why the site's configuration stopped the build before it began (null when it did not). */
    public static ConfigException configError(Path site) {
        return catchThrowableOfType(
                () -> Markata.builder(site).environment(Map.of()).reporter(new Warnings()).open(), ConfigException.class);
    }
}
