package dev.markata.plugins.profiler;

import static dev.markata.plugins.profiler.ProfiledBuilds.blog;
import static dev.markata.plugins.profiler.ProfiledBuilds.filesUnder;
import static dev.markata.plugins.profiler.ProfiledBuilds.json;
import static dev.markata.plugins.profiler.ProfiledBuilds.markata;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.Session;
import dev.markata.profiler.model.Span;
import dev.markata.testing.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Switching the profiler on and off, the options that change its output, failures, and --stats-json. */
class ProfilerRunsTest {

    private static final String LISTED = "hooks = [\"default\", \"markata.plugins.pyinstrument\"]";

    @TempDir
    Path dir;

    @Test
    void theExampleBlogsCommandWritesItsReport() throws IOException {
        Path example = Path.of("..", "examples", "blog").toAbsolutePath().normalize();
        Path copy = dir.resolve("blog");
        try (var files = Files.walk(example)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = example.relativize(file);
                if (!relative.startsWith("markout") && !relative.startsWith(".markata.cache")) {
                    Files.createDirectories(copy.resolve(relative).getParent());
                    Files.copy(file, copy.resolve(relative));
                }
            }
        }

        ProfiledBuilds.Run run = markata("build", "--directory", copy.toString());

        assertThat(run.code()).as(run.err()).isZero();
        Path report = copy.resolve("markout/_profile/index.html");
        assertThat(run.err()).contains("Profile written to " + report + " (open it in a browser: " + report.toUri() + ")");
        assertThat(filesUnder(copy.resolve("markout/_profile"))).containsExactly("index.html", "index.json",
                "index.session.json", "index.speedscope.json", "index.stats.json", "index.txt");
        Session session = Session.load(copy.resolve("markout/_profile/index.session.json"));
        assertThat(session.metadata()).containsEntry("outcome", "ok").containsEntry("site_title", "Notes on Building Things");
        assertThat(session.spans()).anySatisfy(s -> {
            assertThat(s.category()).isEqualTo("document");
            assertThat(s.name()).startsWith("posts/");
        });
    }

    @Test
    void profileSwitchesItOnForOneRunWithTheDefaultFiles() {
        blog(dir, 3, "", "");
        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString(), "--profile");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(filesUnder(dir.resolve("markout/_profile")))
                .containsExactly("index.html", "index.json", "index.session.json", "index.stats.json");
    }

    @Test
    void noProfileOrShouldProfileFalseTurnItOffAndTheAliasTurnsItOn() {
        blog(dir, 2, LISTED, "");
        assertThat(markata("build", "--directory", dir.toString(), "--no-profile").code()).isZero();
        assertThat(dir.resolve("markout/_profile")).doesNotExist();

        blog(dir, 2, LISTED, "[markata.profiler]\nshould_profile = false");
        assertThat(markata("build", "--directory", dir.toString()).code()).isZero();
        assertThat(dir.resolve("markout/_profile")).doesNotExist();

        blog(dir, 2, "hooks = [\"default\", \"markata.plugins.profiler\"]",
                "[markata.profiler]\noutput_file = \"reports/build.html\"\nformats = [\"text\"]\nprint = false");
        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString());
        assertThat(run.code()).isZero();
        assertThat(filesUnder(dir.resolve("markout/reports"))).containsExactly("build.session.json", "build.stats.json", "build.txt");
        assertThat(run.err()).doesNotContain("Slowest documents").doesNotContain("markata profile")
                .contains("Profile written to " + dir.resolve("markout/reports/build.txt"));
    }

    @Test
    void showAllTimelineIntervalAndStrictModeChangeWhatIsWritten() throws IOException {
        blog(dir, 8, LISTED + "\nworkers = 2", """
                [markata.profiler]
                formats = ["html", "text", "json"]
                show_all = true
                timeline = true
                interval = 0.005
                async_mode = "strict"
                threshold = 0.5
                """);
        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        Path profile = dir.resolve("markout/_profile");
        Session session = Session.load(profile.resolve("index.session.json"));

        assertThat(session.interval()).isEqualTo(Duration.ofMillis(5));
        assertThat(session.asyncMode()).isEqualTo(AsyncMode.STRICT);
        String html = Files.readString(profile.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("\"initialView\":\"timeline\"").contains("\"showAll\":true");
        // show_all: nothing hidden, so the text report names no hidden nodes
        assertThat(Files.readString(profile.resolve("index.txt"))).doesNotContain("hidden below");
        assertThat(json(profile.resolve("index.json")).getAsJsonObject().get("sample_count").getAsLong()).isPositive();
    }

    /**
     * {@code -q --profile}: the user asked for a profile on the command line and was told nothing
     * of where it went. One line says, and only that line (no summary); a profile the
     * configuration asks for stays silent under --quiet (the test above).
     */
    @Test
    void aQuietBuildAskedToProfileSaysWhereTheReportIsInOneLine() {
        blog(dir, 3, "", "");
        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString(), "--quiet", "--profile");
        assertThat(run.code()).as(run.err()).isZero();
        Path report = dir.resolve("markout/_profile/index.html");
        assertThat(run.err()).isEqualTo("Profile written to " + report + " (open it in a browser: " + report.toUri()
                + ")" + System.lineSeparator());
        assertThat(report).isNotEmptyFile();
    }

    /** {@code serve -q --profile}: each build's report line, as {@code build -q --profile} prints it. */
    @Test
    void aQuietServeAskedToProfileSaysWhereTheReportIs() throws Exception {
        blog(dir, 2, "", "");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream errors = new java.io.PrintStream(err, true, StandardCharsets.UTF_8);
        Thread serving = new Thread(() -> dev.markata.cli.Main.run(new String[] {"serve", "-q", "--profile", "--port",
                "0", "-d", dir.toString()}, new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), errors, java.util.Map.of(), false,
                () -> dev.markata.plugin.PluginRegistry.discover(getClass().getClassLoader())));
        serving.start();
        try {
            dev.markata.testing.Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            Path report = dir.resolve("markout/_profile/index.html");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Profile written to " + report + " (open it")
                    .doesNotContain("Profiler cost");
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    @Test
    void asyncModeDisabledSamplesOnlyTheBuildThreadButStillMarksDocuments() throws IOException {
        blog(dir, 6, LISTED + "\nworkers = 2", "[markata.profiler]\nasync_mode = \"disabled\"\nformats = [\"json\"]");
        ProfiledBuilds.Run quiet = markata("build", "--directory", dir.toString(), "--quiet");
        assertThat(quiet.code()).isZero();
        assertThat(quiet.err()).as("--quiet prints no summary").isEmpty();
        Session session = Session.load(dir.resolve("markout/_profile/index.session.json"));

        long buildThread = session.spans().stream().filter(s -> s.category().equals("stage")).findFirst().orElseThrow()
                .threadId();
        assertThat(session.threads()).allSatisfy(t -> assertThat(t.threadId()).isEqualTo(buildThread));
        assertThat(session.spans()).noneMatch(s -> s.category().equals("task"));
        assertThat(session.spans().stream().filter(s -> s.category().equals("document")).map(Span::name)
                .collect(Collectors.toSet())).hasSize(6);
        // the build thread's waits for its batches are "await" spans inside the hooks that
        // handed the documents over, so reports count them as awaiting workers, as the console does
        List<Span> spans = session.spans();
        assertThat(spans).filteredOn(s -> s.category().equals("await"))
                .extracting(Span::name).contains("markata.plugins.load", "markata.plugins.render_markdown");
        assertThat(spans).filteredOn(s -> s.category().equals("await")).allSatisfy(wait -> {
            assertThat(wait.threadId()).isEqualTo(buildThread);
            Span hook = spans.get(wait.parentId());
            assertThat(hook.category()).isEqualTo("hook");
            assertThat(hook.name()).isEqualTo(wait.name());
        });
    }

    @Test
    void aFailingBuildStillWritesItsProfileMarkedFailedAndExitsOne() throws IOException {
        Site site = blog(dir, 4, LISTED, "")
                .post("posts/broken.md", "title: Broken\ntemplate: missing.html", "This post names a template that is not there.");
        Path stats = dir.resolve("ci/stats.json");

        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString(), "--stats-json", stats.toString(),
                "--verbose");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).as("--verbose: every stage and hook").contains("post_model").doesNotContain("not shown")
                .containsPattern("Plugin hotspots \\(([0-9]+) of \\1 hooks\\)");
        assertThat(run.err()).contains("error: build failed in stage render, plugin markata.plugins.post_template, "
                + "document posts/broken.md").contains("Profile written to").contains("build failed in stage render");
        Path profile = dir.resolve("markout/_profile");
        assertThat(filesUnder(profile)).containsExactly("index.html", "index.json", "index.session.json",
                "index.stats.json");
        Session session = Session.load(profile.resolve("index.session.json"));
        assertThat(session.metadata()).containsEntry("outcome", "failed").containsEntry("failed_stage", "render")
                .containsEntry("failed_plugin", "markata.plugins.post_template")
                .containsEntry("failed_document", "posts/broken.md");
        assertThat(session.metadata().get("error")).contains("missing.html");
        assertThat(session.spans()).filteredOn(s -> s.category().equals("document") && s.name().equals("posts/broken.md")
                        && "markata.plugins.post_template".equals(s.attributes().get("plugin")))
                .singleElement().satisfies(s -> assertThat(s.attributes()).containsEntry("failed", "true"));
        assertThat(session.spans()).filteredOn(s -> s.category().equals("document") && s.name().equals("posts/post-01.md"))
                .isNotEmpty().allSatisfy(s -> assertThat(s.attributes()).doesNotContainKey("failed"));
        assertThat(Files.readString(profile.resolve("index.html"))).contains("\"outcome\":\"failed\"");
        assertThat(session.spans()).filteredOn(s -> s.category().equals("stage")).extracting(Span::name)
                .as("save never ran").doesNotContain("save");

        JsonObject written = json(stats).getAsJsonObject();
        assertThat(written.get("outcome").getAsString()).isEqualTo("failed");
        assertThat(written.get("failed_stage").getAsString()).isEqualTo("render");
        assertThat(written.get("failed_document").getAsString()).isEqualTo("posts/broken.md");
    }

    @Test
    void statsJsonWorksWithoutTheProfiler() {
        blog(dir, 5, "workers = 2", "");
        Path stats = dir.resolve("stats/build.json");

        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString(), "--stats-json", stats.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(dir.resolve("markout/_profile")).doesNotExist();
        assertThat(run.err()).contains("build timings written to " + stats);
        JsonObject json = json(stats).getAsJsonObject();
        assertThat(json.get("schema").getAsString()).isEqualTo(StatsJson.SCHEMA);
        assertThat(json.get("outcome").getAsString()).isEqualTo("ok");
        List<String> stages = strings(json, "stages", "stage");
        assertThat(stages).containsSubsequence("glob", "load", "render", "save", "teardown");
        double wall = json.get("wall_ms").getAsDouble();
        double stageSum = StreamSupport.stream(json.getAsJsonArray("stages").spliterator(), false)
                .mapToDouble(s -> s.getAsJsonObject().get("wall_ms").getAsDouble()).sum();
        // the stages lie within the build (how much of it they cover is a timing, which a
        // descheduled thread moves by milliseconds on a loaded machine: ProfiledBuildTest checks
        // it on a larger build)
        assertThat(stageSum).isPositive().isLessThanOrEqualTo(wall * 1.0001);
        JsonObject render = StreamSupport.stream(json.getAsJsonArray("hooks").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(h -> h.get("plugin").getAsString().equals("markata.plugins.render_markdown"))
                .findFirst().orElseThrow();
        assertThat(render.get("stage").getAsString()).isEqualTo("render");
        assertThat(render.get("tasks").getAsInt()).isEqualTo(5);
        assertThat(strings(json, "documents", "document")).hasSize(5).contains("posts/post-01.md");
        assertThat(json.get("documents_total").getAsInt()).isEqualTo(5);
        assertThat(java.time.Instant.parse(json.get("finished_at").getAsString())).isBeforeOrEqualTo(java.time.Instant.now());
        JsonObject slowest = json.getAsJsonArray("documents").get(0).getAsJsonObject();
        assertThat(slowest.getAsJsonObject("stages").keySet()).contains("load", "render", "save");
        // what the JVM did, watched without the profiler; each stage's part of the pauses
        JsonObject jvm = json.getAsJsonObject("jvm");
        assertThat(jvm.get("gc_pauses").getAsInt()).isNotNegative();
        assertThat(jvm.get("classes_loaded").getAsLong()).isNotNegative(); // none when an earlier test's build loaded them
        assertThat(jvm.get("jit_ms").getAsDouble()).isNotNegative();
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(jvm.get("compiler_cpu_ms").getAsDouble()).isNotNegative();
        }
        double stagePauses = StreamSupport.stream(json.getAsJsonArray("stages").spliterator(), false)
                .mapToDouble(s -> s.getAsJsonObject().get("gc_pause_ms").getAsDouble()).sum();
        assertThat(stagePauses).isNotNegative().isLessThanOrEqualTo(jvm.get("gc_pause_ms").getAsDouble() + 0.001);
    }

    @Test
    void whenTheProfilerCannotStartTheBuildGoesOnWithOneWarning() {
        blog(dir, 2, LISTED, "[markata.profiler]\nsampler = \"async-profiler\"");
        // async-profiler serves one recording per JVM: hold it, so the build's cannot have it
        try (Profiler holder = Profiler.builder().sampler(SamplerChoice.AUTO).build()) {
            holder.start();
            ProfiledBuilds.Run run = markata("build", "--directory", dir.toString());

            assertThat(run.code()).isZero();
            assertThat(dir.resolve("markout/post-01/index.html")).exists();
            assertThat(dir.resolve("markout/_profile")).doesNotExist();
            assertThat(run.err().lines().filter(l -> l.startsWith("warning:")).toList()).singleElement()
                    .satisfies(w -> assertThat(w).contains("the build profiler could not start")
                            .contains("sampler = \"auto\""));
        }
    }

    private static List<String> strings(JsonObject json, String array, String field) {
        return StreamSupport.stream(json.getAsJsonArray(array).spliterator(), false)
                .map(e -> e.getAsJsonObject().get(field).getAsString()).toList();
    }
}
