package dev.markata.profiler;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link Profiler#prepare(SamplerChoice)} loads async-profiler's native library only for a
 * sampler that may use it: loading it costs ~30 ms of CPU (it reads the JVM's symbols), wasted
 * in a build whose configuration says {@code sampler = "jdk"}. Each case in a fresh JVM.
 */
class PrepareTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "JDK, jdk, not loaded",
            "AUTO, async-profiler, loaded",
            "ASYNC_PROFILER, async-profiler, loaded",
            // what a command does that cannot tell the sampler until its configuration is read
            "JDK AUTO, async-profiler, loaded",
            "AUTO JDK, jdk, loaded",
    })
    void theLibraryIsLoadedOnlyForASamplerThatMayUseIt(String prepared, String sampler, String library)
            throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs /proc to see the process's libraries");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PrepareProgram.class.getName()));
        command.addAll(List.of(prepared.split(" ")));
        Path out = dir.resolve("out.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        assertThat(process.exitValue()).as("output: %s", output).isZero();

        assertThat(output).contains("sampler=" + sampler + " library=" + library);
    }
}
