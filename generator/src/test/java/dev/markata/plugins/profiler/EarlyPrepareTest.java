package dev.markata.plugins.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.profiler.SamplerChoice;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code build --profile} gets ready before the configuration is read: async-profiler's
 * native library (~30 ms of CPU) only when the configuration cannot ask for the JDK sampler,
 * which is then certain before it is read; otherwise the plugin prepares it once the
 * configuration says it is used.
 */
class EarlyPrepareTest {

    @TempDir
    Path dir;

    @Test
    void aSiteThatNamesNoSamplerGetsAsyncProfilerLoadedEarly() {
        new Site(dir).write("markata.toml", "[markata]\nhooks = [\"default\"]\n[markata.profiler]\ninterval = 0.002\n");

        assertThat(ProfilerPlugin.samplerBeforeConfiguration(dir, Map.of("MARKATA_TITLE", "Blog")))
                .isEqualTo(SamplerChoice.AUTO);
    }

    @Test
    void aSiteWithoutConfigurationToo() {
        assertThat(ProfilerPlugin.samplerBeforeConfiguration(dir, Map.of())).isEqualTo(SamplerChoice.AUTO);
    }

    @Test
    void theJdkSamplerInMarkataTomlLoadsNoLibraryEarly() {
        new Site(dir).write("markata.toml", "[markata]\nhooks = [\"default\"]\n[markata.profiler]\nsampler = \"jdk\"\n");

        assertThat(ProfilerPlugin.samplerBeforeConfiguration(dir, Map.of())).isEqualTo(SamplerChoice.JDK);
    }

    @Test
    void orInPyprojectToml() {
        new Site(dir).write("pyproject.toml", "[tool.markata.pyinstrument]\nsampler = \"jdk\"\n");

        assertThat(ProfilerPlugin.samplerBeforeConfiguration(dir, Map.of())).isEqualTo(SamplerChoice.JDK);
    }

    @Test
    void orInAnEnvironmentVariable() {
        assertThat(ProfilerPlugin.samplerBeforeConfiguration(dir, Map.of("MARKATA_PROFILER", "{ sampler = \"jdk\" }")))
                .isEqualTo(SamplerChoice.JDK);
    }
}
