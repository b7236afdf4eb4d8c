package dev.markata.profiler.sampling;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.ThreadSelection;
import dev.markata.profiler.TimeMode;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Internal: the settled options of one recording (built by {@code Profiler.Builder}).
 *
 * @param interval             requested sampling interval (raised to the sampler's floor)
 * @param asyncMode            which handed-over work is followed
 * @param timeMode             wall or CPU time
 * @param threads              which threads are sampled besides task threads
 * @param sampler              which sampler to use
 * @param targetDescription    what is profiled, or empty to derive it from the command line
 * @param applicationCode      code locations (jar files or folders) that count as the
 *                             application's own code, besides class folders
 * @param jfrOutput            where async-profiler should also write a JFR file, or null
 */
public record RecordingOptions(Duration interval, AsyncMode asyncMode, TimeMode timeMode,
                               ThreadSelection threads, SamplerChoice sampler, String targetDescription,
                               List<URL> applicationCode, Path jfrOutput) {

    public RecordingOptions {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(asyncMode, "asyncMode");
        Objects.requireNonNull(timeMode, "timeMode");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(targetDescription, "targetDescription");
        applicationCode = List.copyOf(applicationCode);
    }
}
