package dev.markata.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.config.ConfigException;
import java.nio.file.Path;
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

    /**
     * Builds the site as it is (warm: its output and cache kept), then a copy of it clean (no
     * output folder, no cache), and checks that every page the clean build writes the warm one
     * wrote alike; the warm output is returned. Pages only in the warm output (of posts moved or
     * deleted) are left, as markata leaves them.
     */
    public static Map<String, String> warmMatchesClean(Path site, String step) throws Exception {
        withoutWarnings(site);
        Map<String, String> warm = new Site(site).files("markout");
        new Site(site).delete("markout").delete(".markata.cache");
        withoutWarnings(site);
        new Site(site).files("markout").forEach((path, text) -> assertThat(warm.get(path)).as(step + ": " + path)
                .isEqualTo(text));
        return warm;
    }

    /** Why the site's configuration stopped the build before it began (null when it did not). */
    public static ConfigException configError(Path site) {
        return catchThrowableOfType(
                () -> Markata.builder(site).environment(Map.of()).reporter(new Warnings()).open(), ConfigException.class);
    }
}
