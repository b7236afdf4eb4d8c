package dev.markata.profiler;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profiler's own work does not show as the program's: the first task handed over inside a
 * span walks the submitting stack, and in a fresh JVM that first walk loads and links the JDK's
 * stack-walking machinery (5-7 ms, several samples at 1 ms), which the report then showed as JDK
 * frames under the program's own method. Warmed up before sampling starts, it is out of sight.
 */
class ProfilerOwnWorkTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void theFirstHandOverInAFreshJvmLeavesNoStackWalkingInTheProgramsSamples(SamplerChoice sampler) throws Exception {
        Path file = dir.resolve("session.json");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FirstSubmitProgram.class.getName(), sampler.name(),
                file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("output: %s", java.nio.file.Files.readString(dir.resolve("out.txt"))).isZero();
        Session session = Session.load(file);

        List<String> walking = new ArrayList<>();
        for (ThreadProfile thread : session.threads()) {
            for (Sample sample : thread.samples()) {
                String frame = stackWalkingFrame(session, sample.stackId());
                if (frame != null) {
                    walking.add(thread.name() + ": " + frame);
                }
            }
        }
        // one sample may still land in the (warm) walk of a few microseconds; a cold one took several
        assertThat(walking).as("samples in the JDK's stack walking").hasSizeLessThanOrEqualTo(1);
    }

    private static String stackWalkingFrame(Session session, int stackId) {
        StackTable stacks = session.stacks();
        for (int s = stackId; s != StackTable.EMPTY; s = stacks.parentId(s)) {
            Frame frame = session.frames().get(stacks.frameId(s));
            if (frame.className().startsWith("java.lang.StackStreamFactory")
                    || frame.className().startsWith("java.lang.StackWalker")) {
                return frame.className() + "." + frame.methodName();
            }
        }
        return null;
    }
}
