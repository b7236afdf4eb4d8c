package dev.markata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigOverrides;
import dev.markata.config.ConfigSection;
import dev.markata.content.Post;
import dev.markata.lifecycle.BuildException;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.BuildObserver;
import dev.markata.lifecycle.BuildTimings;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.lifecycle.TaskContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.testing.Plugins;
import dev.markata.testing.RecordingPlugin;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {

    @TempDir
    Path dir;
    Site site;
    final List<String> journal = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void site() {
        site = new Site(dir);
        for (int i = 0; i < 12; i++) {
            site.post("posts/p" + i + ".md", "title: Post " + i + "\ndate: 2024-01-" + (10 + i), "Body " + i + ".");
        }
    }

    private Markata open(String hooks, Plugin... plugins) throws ConfigException {
        site.write("markata.toml", "[markata]\nhooks = " + hooks + "\n");
        return Markata.builder(dir).environment(Map.of("MARKATA_WORKERS", "4"))
                .plugins(Plugins.builtInPlus(plugins)).reporter(new Quiet()).open();
    }

    @Test
    void anUnknownPluginFromMarkataHooksIsNamedAsTheVariable() {
        // the error named markata.toml's hooks key, which said "default": the author looked in the wrong place
        site.write("markata.toml", "[markata]\nhooks = [\"default\"]\n");
        assertThatThrownBy(() -> Markata.builder(dir).environment(Map.of("MARKATA_HOOKS", "[\"default\", \"markata.plugins.feedz\"]"))
                .plugins(Plugins.builtInPlus()).reporter(new Quiet()).open())
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment: MARKATA_HOOKS ([markata] hooks) = \"markata.plugins.feedz\": no plugin has"
                        + " this name; did you mean markata.plugins.feeds?");
    }

    @Test
    void stagesRunInMarkatasOrderAndHooksByPriorityThenListOrder() throws Exception {
        Map<Stage, Priority> everyStage = new java.util.LinkedHashMap<>();
        Stage.inOrder().forEach(s -> everyStage.put(s, Priority.NORMAL));
        Plugin a = new RecordingPlugin("t.a", journal, Map.of(Stage.RENDER, Priority.NORMAL, Stage.SAVE, Priority.LAST));
        Plugin b = new RecordingPlugin("t.b", journal, Map.of(Stage.RENDER, Priority.LAST, Stage.SAVE, Priority.NORMAL));
        Plugin c = new RecordingPlugin("t.c", journal, Map.of(Stage.RENDER, Priority.FIRST, Stage.SAVE, Priority.NORMAL));
        Plugin all = new RecordingPlugin("t.all", journal, everyStage);
        open("[\"t.all\", \"t.a\", \"t.b\", \"t.c\"]", a, b, c, all).build();
        assertThat(journal).containsExactly(
                "config_model:t.all", "post_model:t.all", "create_models:t.all", "load_config:t.all",
                "configure:t.all", "validate_config:t.all", "glob:t.all", "load:t.all", "pre_render:t.all",
                "render:t.c", "render:t.all", "render:t.a", "render:t.b",
                "post_render:t.all",
                "save:t.all", "save:t.b", "save:t.c", "save:t.a",
                "teardown:t.all");
    }

    @Test
    void aHookBeforeOthersRunsFirstInItsStageWhereverItsPluginIsListed() throws Exception {
        Plugin first = new RecordingPlugin("t.first", journal, Map.of(Stage.RENDER, Priority.FIRST));
        Plugin normal = new RecordingPlugin("t.normal", journal, Map.of(Stage.RENDER, Priority.NORMAL));
        Plugin gate = new RecordingPlugin("t.gate", journal, Map.of(Stage.RENDER, Priority.LAST))
                .onSetup(setup -> setup.hookBeforeOthers(Stage.RENDER, context -> journal.add("render:t.gate decides")));
        Plugin gate2 = new RecordingPlugin("t.gate2", journal, Map.of())
                .onSetup(setup -> setup.hookBeforeOthers(Stage.RENDER, context -> journal.add("render:t.gate2 decides")));
        open("[\"t.first\", \"t.normal\", \"t.gate\", \"t.gate2\"]", first, normal, gate, gate2).build();
        assertThat(journal).containsExactly("render:t.gate decides", "render:t.gate2 decides", "render:t.first",
                "render:t.normal", "render:t.gate");
    }

    @Test
    void aFailingHookStopsTheBuildNamesPluginAndStageAndTeardownStillRunsOnce() throws Exception {
        AtomicReference<BuildFailure> seenAtTeardown = new AtomicReference<>();
        Plugin failing = new RecordingPlugin("t.fails", journal, Map.of(Stage.PRE_RENDER, Priority.NORMAL))
                .onStage((stage, context) -> {
                    throw new PluginException("the widget is broken");
                });
        Plugin watcher = new RecordingPlugin("t.watch", journal,
                Map.of(Stage.RENDER, Priority.NORMAL, Stage.TEARDOWN, Priority.NORMAL))
                .onStage((stage, context) -> {
                    if (stage == Stage.TEARDOWN) {
                        seenAtTeardown.set(context.failure().orElseThrow());
                    }
                });
        BuildException error = catchThrowableOfType(BuildException.class,
                () -> open("[\"default\", \"t.fails\", \"t.watch\"]", failing, watcher).build());
        assertThat(error.failure().stage()).isEqualTo(Stage.PRE_RENDER);
        assertThat(error.failure().pluginId()).isEqualTo("t.fails");
        assertThat(error).hasMessage("build failed in stage pre_render, plugin t.fails:\n  the widget is broken");
        assertThat(journal).containsExactly("pre_render:t.fails", "teardown:t.watch");
        assertThat(seenAtTeardown.get()).isEqualTo(error.failure());
        assertThat(dir.resolve("markout")).doesNotExist();
    }

    @Test
    void aFailingDocumentTaskNamesTheDocumentAndEveryFailingDocumentIsReported() throws Exception {
        Plugin failing = new RecordingPlugin("t.bad_docs", journal, Map.of(Stage.RENDER, Priority.NORMAL))
                .onStage((stage, context) -> context.updatePosts(post -> {
                    if (post.path().endsWith("p3.md") || post.path().endsWith("p7.md")) {
                        throw new IllegalStateException("boom in " + post.slug());
                    }
                    return post;
                }));
        BuildException error = catchThrowableOfType(BuildException.class,
                () -> open("[\"default\", \"t.bad_docs\"]", failing).build());
        assertThat(error.failure().stage()).isEqualTo(Stage.RENDER);
        assertThat(error.failure().pluginId()).isEqualTo("t.bad_docs");
        assertThat(error.failure().document()).contains("posts/p3.md");
        assertThat(error.failure().problems()).extracting(BuildFailure.Problem::message).containsExactly(
                "posts/p3.md: java.lang.IllegalStateException: boom in p3",
                "posts/p7.md: java.lang.IllegalStateException: boom in p7");
    }

    @Test
    void observersSeeStagesHooksAndEachDocumentTaskOnItsWorkerThread() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Map<String, String> taskThreads = new ConcurrentHashMap<>();
        String main = Thread.currentThread().getName();
        BuildObserver observer = new BuildObserver() {
            @Override
            public void stageStarted(Stage stage) {
                events.add("stage+ " + stage + " " + Thread.currentThread().getName().equals(main));
            }

            @Override
            public void hookStarted(Stage stage, String pluginId) {
                events.add("hook+ " + stage + " " + pluginId);
            }

            @Override
            public void taskStarted(TaskContext task) {
                taskThreads.put(task.stage() + " " + task.pluginId() + " " + task.document(),
                        Thread.currentThread().getName());
            }
        };
        Plugin profilerLike = new RecordingPlugin("t.observer", journal, Map.of()).onSetup(s -> s.observe(observer));
        open("[\"t.observer\", \"default\"]", profilerLike).build();
        assertThat(events).contains("stage+ config_model true", "stage+ render true",
                "hook+ render markata.plugins.render_markdown", "hook+ save markata.plugins.publish_html");
        assertThat(taskThreads).containsKeys("load markata.plugins.load posts/p0.md",
                "render markata.plugins.render_markdown posts/p11.md",
                "save markata.plugins.publish_html posts/p5.md");
        assertThat(taskThreads.values()).allMatch(name -> name.contains("-worker-"));
    }

    @Test
    void taskDecoratorsWrapEveryTaskCapturingOnTheSubmitterAndRunningOnTheWorker() throws Exception {
        ThreadLocal<String> profilingContext = new ThreadLocal<>();
        List<String> seenOnWorkers = new CopyOnWriteArrayList<>();
        Plugin decorating = new RecordingPlugin("t.decorate", journal, Map.of()).onSetup(setup ->
                setup.decorateTasks((task, work) -> {
                    String captured = "submitted-by-" + Thread.currentThread().getName();
                    return () -> {
                        profilingContext.set(captured);
                        try {
                            work.run();
                        } finally {
                            profilingContext.remove();
                        }
                    };
                }));
        Plugin reader = new RecordingPlugin("t.reader", journal, Map.of(Stage.PRE_RENDER, Priority.NORMAL))
                .onStage((stage, context) -> context.updatePosts(post -> {
                    seenOnWorkers.add(profilingContext.get());
                    return post;
                }));
        open("[\"t.decorate\", \"default\", \"t.reader\"]", decorating, reader).build();
        assertThat(seenOnWorkers).hasSize(12).allMatch(s -> s.equals("submitted-by-" + Thread.currentThread().getName()));
    }

    @Test
    void timingsOfStagesAndHooksAreReadableAtSaveAndTeardown() throws Exception {
        Map<Stage, BuildTimings> seen = new ConcurrentHashMap<>();
        Plugin timed = new RecordingPlugin("t.timed", journal,
                Map.of(Stage.SAVE, Priority.LAST, Stage.TEARDOWN, Priority.NORMAL))
                .onStage((stage, context) -> seen.put(stage, context.timings()));
        BuildResult result = open("[\"default\", \"t.timed\"]", timed).build();
        BuildTimings atSave = seen.get(Stage.SAVE);
        assertThat(atSave.stages()).extracting(BuildTimings.StageTiming::stage)
                .containsExactly(Stage.CONFIG_MODEL, Stage.POST_MODEL, Stage.CREATE_MODELS, Stage.LOAD_CONFIG,
                        Stage.CONFIGURE, Stage.VALIDATE_CONFIG, Stage.GLOB, Stage.LOAD, Stage.PRE_RENDER,
                        Stage.RENDER, Stage.POST_RENDER);
        assertThat(atSave.hooks()).anySatisfy(h -> {
            assertThat(h.stage()).isEqualTo(Stage.LOAD);
            assertThat(h.pluginId()).isEqualTo("markata.plugins.load");
            assertThat(h.tasks()).isEqualTo(12);
            assertThat(h.nanos()).isPositive();
        });
        assertThat(seen.get(Stage.TEARDOWN).stages()).extracting(BuildTimings.StageTiming::stage).contains(Stage.SAVE);
        assertThat(result.timings().stages()).extracting(BuildTimings.StageTiming::stage).endsWith(Stage.TEARDOWN);
    }

    @Test
    void profileOverridesAddOrRemoveTheProfilerPluginWhateverHooksSay() throws Exception {
        Plugin profiler = new RecordingPlugin("markata.plugins.pyinstrument", Set.of("markata.plugins.profiler"),
                journal, Map.of(Stage.CONFIGURE, Priority.FIRST, Stage.SAVE, Priority.LAST, Stage.TEARDOWN, Priority.NORMAL));
        site.write("markata.toml", "[markata]\nhooks = [\"default\"]\n");
        Markata on = Markata.builder(dir).plugins(Plugins.builtInPlus(profiler)).reporter(new Quiet())
                .overrides(new ConfigOverrides(Set.of("markata.plugins.pyinstrument"), Set.of())).open();
        assertThat(on.plugins()).contains("markata.plugins.pyinstrument");
        on.build();
        assertThat(journal).containsExactly("configure:markata.plugins.pyinstrument", "save:markata.plugins.pyinstrument",
                "teardown:markata.plugins.pyinstrument");

        site.write("markata.toml", "[markata]\nhooks = [\"default\", \"markata.plugins.profiler\"]\n");
        Markata off = Markata.builder(dir).plugins(Plugins.builtInPlus(profiler)).reporter(new Quiet())
                .overrides(new ConfigOverrides(Set.of(), Set.of("markata.plugins.pyinstrument"))).open();
        assertThat(off.plugins()).doesNotContain("markata.plugins.pyinstrument");
    }

    @Test
    void pluginConfigErrorsOfAllPluginsAreReportedTogetherBeforeAnythingRuns() throws Exception {
        record Interval(double seconds) {
        }
        ConfigSection<Interval> section = new ConfigSection<>("profiler", (table, markata) ->
                new Interval(table.number("interval", 0.01, v -> v > 0, "must be a number of seconds > 0")));
        Plugin first = new Plugin() {
            public String id() {
                return "t.first";
            }

            public void register(PluginSetup setup) throws ConfigException {
                setup.config(section);
            }
        };
        Plugin second = new Plugin() {
            public String id() {
                return "t.second";
            }

            public void register(PluginSetup setup) throws ConfigException {
                setup.config(new ConfigSection<>("other", (t, m) -> t.bool("on", false)));
            }
        };
        site.write("markata.toml", "[markata]\nhooks = [\"default\", \"t.first\", \"t.second\"]\n"
                + "[markata.profiler]\ninterval = -1\n[markata.other]\non = \"maybe\"\n");
        ConfigException error = catchThrowableOfType(ConfigException.class, () ->
                Markata.builder(dir).plugins(Plugins.builtInPlus(first, second)).reporter(new Quiet()).open());
        assertThat(error.problems()).containsExactly(
                "markata.toml: [markata.profiler] interval = -1: must be a number of seconds > 0",
                "markata.toml: [markata.other] on = \"maybe\": must be true or false");
    }

    @Test
    void aMarkataInstanceBuildsOnce() throws Exception {
        Markata markata = open("[\"default\"]");
        markata.build();
        assertThat(catchThrowableOfType(IllegalStateException.class, markata::build)).isNotNull();
    }

    @Test
    void postsAreImmutableVersions() throws Exception {
        BuildResult result = open("[\"default\"]").build();
        Post post = result.posts().get(0);
        assertThat(post.html()).contains("<p>Body");
        assertThat(post.pageWritten()).isTrue(); // written when rendered (PagesWrittenAtRenderTest)
        Post changed = post.withExtra("k", "v");
        assertThat(post.extra()).doesNotContainKey("k");
        assertThat(changed.extra()).containsEntry("k", "v");
    }

    /** Swallows messages. */
    static final class Quiet implements dev.markata.plugin.Reporter {
        final List<String> warnings = new CopyOnWriteArrayList<>();

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void info(String message) {
        }
    }
}
