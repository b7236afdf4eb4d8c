package dev.markata.plugins.profiler;

import static dev.markata.plugins.profiler.ProfiledBuilds.blog;
import static dev.markata.plugins.profiler.ProfiledBuilds.filesUnder;
import static dev.markata.plugins.profiler.ProfiledBuilds.json;
import static dev.markata.plugins.profiler.ProfiledBuilds.markata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.markata.profiler.Session;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real site, built once through the command line with the profiler listed in {@code hooks}
 * and every format requested; each test checks one part of what was written against the work
 * the build really did.
 */
class ProfiledBuildTest {

    /** Enough posts that a 1 ms sampler sees the template engine inside documents on a fast machine. */
    private static final int POSTS = 80;
    /** The Markdown renderer's package. */
    private static final String MARKDOWN = "org.commonmark.";
    /** The template engine's package. */
    private static final String TEMPLATES = "com.hubspot.jinjava.";

    @TempDir
    static Path dir;

    static ProfiledBuilds.Run run;
    static Path profile;
    static Session session;

    @BeforeAll
    static void buildOnce() throws IOException {
        run = build(dir);
        profile = dir.resolve("markout/_profile");
        session = Session.load(profile.resolve("index.session.json"));
    }

    /** The profiled build of this test's blog, in {@code site}. */
    private static ProfiledBuilds.Run build(Path site) {
        blog(site, POSTS, "hooks = [\"default\", \"markata.plugins.pyinstrument\"]\nworkers = 2", """
                [markata.profiler]
                formats = ["html", "json", "text", "speedscope", "collapsed", "jfr"]
                """)
                // A page template with some work in it: in a test JVM that other tests have warmed
                // up, the theme's pages render in well under one sampling interval each.
                .write("templates/post.html", "<h1>{{ post.title|e }}</h1>{% for i in range(400) %}<i>{{ i }}</i>"
                        + "{% endfor %}{{ post.article_html }}\n");
        return markata("build", "--directory", site.toString());
    }

    @Test
    void theBuildSucceedsAndEveryFormatIsWrittenBesideTheReportAtomically() {
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(dir.resolve("markout/post-01/index.html")).exists();
        List<String> expected = new ArrayList<>(List.of("index.collapsed", "index.html", "index.json",
                "index.session.json", "index.speedscope.json", "index.stats.json", "index.txt"));
        if (session.sampler().name().equals("async-profiler")) {
            expected.add(2, "index.jfr");
        } else {
            assertThat(run.err()).contains("\"jfr\" needs the async-profiler sampler");
        }
        assertThat(filesUnder(profile)).containsExactlyElementsOf(expected); // no temporary files left
    }

    @Test
    void stagesHooksAndDocumentsAreSpans() {
        List<String> stages = session.spans().stream().filter(s -> s.category().equals("stage")).map(Span::name).toList();
        assertThat(stages).containsSubsequence("configure", "glob", "load", "pre_render", "render", "post_render", "save");

        List<Span> hooks = spans("hook");
        assertThat(hooks).anySatisfy(h -> {
            assertThat(h.name()).isEqualTo("markata.plugins.render_markdown");
            assertThat(h.attributes()).containsEntry("stage", "render");
            assertThat(session.spans().get(h.parentId()).category()).isEqualTo("stage");
        });

        List<Span> documents = spans("document");
        Set<String> rendered = documents.stream()
                .filter(d -> d.attributes().equals(Map.of("stage", "render", "plugin", "markata.plugins.render_markdown")))
                .map(Span::name).collect(Collectors.toSet());
        assertThat(rendered).hasSize(POSTS).contains("posts/post-01.md", "posts/post-30.md");
        long buildThread = session.spans().stream().filter(s -> s.category().equals("stage")).findFirst()
                .orElseThrow().threadId();
        // one span per task: the document span is the task span the executor's decorator opened
        assertThat(spans("task")).isEmpty();
        for (Span document : documents) {
            assertThat(session.spans().get(document.parentId()).category()).isIn("hook", "document");
        }
        // the pool's threads did the per-document work, so their samples carry the document spans
        assertThat(documents).anySatisfy(d -> assertThat(d.threadId()).isNotEqualTo(buildThread));
        assertThat(documents).anySatisfy(d -> assertThat(d.originStackId()).isNotEqualTo(StackTable.EMPTY));
    }

    @Test
    void workOnTheBuildThreadsIsGraftedUnderTheHookThatHandedItOver() {
        int checked = 0;
        for (Span document : spans("document")) {
            // Even a hook over in less than one sampling interval has an origin: the stack walked
            // at its first submit.
            if (document.originStackId() == StackTable.EMPTY) {
                continue;
            }
            List<String> origin = new ArrayList<>();
            for (int frame : session.stacks().framesRootFirst(document.originStackId())) {
                origin.add(session.frames().get(frame).className());
            }
            String plugin = document.attributes().get("plugin");
            // a built-in plugin "markata.plugins.x" lives in package dev.markata.plugins.x
            String pluginPackage = "dev." + plugin + ".";
            assertThat(origin).as("%s of %s grafted at %s", document.name(), plugin, origin)
                    .anySatisfy(c -> assertThat(c).startsWith(pluginPackage).endsWith("Plugin"));
            checked++;
        }
        assertThat(checked).isGreaterThan(POSTS);
    }

    @Test
    void theMarkdownRendererAndTemplateEngineAreSampledInsideTheirDocuments(@TempDir Path again) throws IOException {
        // A short build's sampler may miss the template engine's quick pages (at load 10 on two
        // cores it did): the blog is built again, at most four more times, until a build's samples
        // caught both inside documents; what is checked is that build's
        Session sampled = session;
        for (int more = 1; more <= 4 && !bothSampledInDocuments(sampled); more++) {
            Path site = again.resolve("build-" + more);
            assertThat(build(site).code()).isZero();
            sampled = Session.load(site.resolve("markout/_profile/index.session.json"));
        }
        assertThat(documentPluginsOfSamplesIn(sampled, MARKDOWN)).contains("markata.plugins.render_markdown");
        // pages and feed cards are both rendered per document; which one a short build samples varies
        assertThat(documentPluginsOfSamplesIn(sampled, TEMPLATES)).isNotEmpty()
                .isSubsetOf("markata.plugins.post_template", "markata.plugins.feeds");
    }

    @Test
    void stageTotalsAddUpToTheBuildsWallTime() {
        long buildWall = Long.parseLong(session.metadata().get("build_wall_nanos"));
        long stageSum = spans("stage").stream().filter(s -> s.parentId() == Span.NONE).mapToLong(Span::durationNanos).sum();
        assertThat((double) stageSum).as("stage spans %s, metadata %s", spans("stage"), session.metadata())
                .isCloseTo(buildWall, within(buildWall * 0.05));
        // The build thread is sampled the whole build long; after the build it goes on being
        // sampled while it stops the profiler, which is not the build's time: only samples
        // inside the stages' window count.
        List<Span> stages = spans("stage").stream().filter(st -> st.parentId() == Span.NONE).toList();
        long from = stages.stream().mapToLong(Span::startNanos).min().orElseThrow();
        long to = stages.stream().mapToLong(Span::endNanos).max().orElseThrow();
        long buildThreadSampled = session.threads().stream()
                .filter(t -> t.threadId() == stages.get(0).threadId())
                .flatMap(t -> t.samples().stream())
                .mapToLong(sample -> Math.max(0, Math.min(to, sample.startNanos() + sample.durationNanos())
                        - Math.max(from, sample.startNanos())))
                .sum();
        assertThat((double) buildThreadSampled).isCloseTo(buildWall, within(buildWall * 0.05));
        // the console says so too: at most 5 % of the build ran between the stages
        assertThat(run.err()).containsPattern("(?m)^build +[0-9.]+ +100\\.0% +[0-9.]+( +[0-9.]+)?$")
                .containsPattern("[0-4]\\.[0-9]% of the build ran between the stages");
    }

    @Test
    void theSessionSaysHowTheBuildEnded() {
        assertThat(session.metadata()).containsEntry("outcome", "ok").containsEntry("site_title", "Profiled Blog")
                .containsEntry("documents", String.valueOf(POSTS)).containsKey("markata_version")
                .doesNotContainKeys("failed_stage", "error");
    }

    @Test
    void theJsonReportHasPyinstrumentsSchema() {
        JsonObject root = json(profile.resolve("index.json")).getAsJsonObject();
        assertThat(root.get("sample_count").getAsLong()).isPositive();
        assertThat(root.get("duration").getAsDouble()).isPositive();
        JsonObject frame = root.getAsJsonObject("root_frame");
        assertThat(frame.get("function").getAsString()).startsWith("[thread ");
        assertThat(frame.getAsJsonArray("children")).isNotEmpty();
        assertThat(root.getAsJsonArray("threads")).isNotEmpty();
        assertThat(functionsIn(frame)).contains("map", "render");
    }

    @Test
    void textSpeedscopeCollapsedAndHtmlReportsHoldTheSameProfile() throws IOException {
        // The text tree hides nodes under 1%: on a fast machine the template engine's own frames
        // may fall below it, the plugins' hooks that ran the build's work do not.
        assertThat(Files.readString(profile.resolve("index.txt"))).contains("markata profile")
                .containsAnyOf("RenderMarkdownPlugin", "PostTemplatePlugin");

        JsonObject speedscope = json(profile.resolve("index.speedscope.json")).getAsJsonObject();
        assertThat(speedscope.get("$schema").getAsString()).contains("speedscope");
        assertThat(speedscope.getAsJsonArray("profiles")).isNotEmpty();

        List<String> collapsed = Files.readAllLines(profile.resolve("index.collapsed"));
        assertThat(collapsed).isNotEmpty().allSatisfy(line -> assertThat(line).matches(".+ [0-9]+"));
        assertThat(collapsed).anySatisfy(line -> assertThat(line).contains("org.commonmark"));

        String html = Files.readString(profile.resolve("index.html"), StandardCharsets.UTF_8);
        var page = Jsoup.parse(html);
        assertThat(page.select("script#profile-data").html()).contains("build_wall_nanos").contains("\"stage\"");
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
        // the report embeds the very session the session file holds (serialized once for both)
        String sessionFile = Files.readString(profile.resolve("index.session.json"), StandardCharsets.UTF_8);
        assertThat(html).contains("<script type=\"application/json\" id=\"profile-data\">" + sessionFile + "</script>");
    }

    @Test
    void theConsoleSaysWhatTheProfilerCost() {
        assertThat(run.err()).containsPattern("Profiler cost, outside the figures above: [0-9.]+ s to start, [0-9.]+ s"
                + " to stop \\([0-9.]+ s CPU\\), [0-9.]+ s to write [0-9]+ files and this summary \\([0-9.]+ s CPU\\)");
    }

    @Test
    void theConsoleShowsStagesHotspotsSlowestDocumentsTreeAndWhereTheReportIs() {
        String err = run.err();
        Path report = profile.resolve("index.html");
        assertThat(err).containsPattern("(?m)^render +[0-9.]+ +[0-9.]+% +[0-9.]+")
                // the build's own row is all of it; what ran outside the stages is said apart
                .containsPattern("(?m)^build +[0-9.]+ +100\\.0% +[0-9.]+( +[0-9.]+)?$") // and its GC pauses, when material
                // what the JVM did beside the build, from the profile's session
                .containsPattern("(?m)^JVM: ([0-9,]+ GC pauses?, [0-9.]+ m?s \\([0-9.]+% of the build; longest [0-9.]+ m?s(, in [a-z_]+)?\\)"
                        + "|no GC pauses)( · .*)? · [0-9,]+ classes loaded$")

                .contains("Plugin hotspots (5 of ")
                .containsPattern("Slowest documents \\(10 of " + POSTS + "(" + Pattern.quote(ConsoleSummary.WARM_UP_NOTE)
                        + ")?\\)")
                .containsPattern("[0-9] ms [* ] posts/post-[0-9]+\\.md +load [0-9.]+, (pre_render [0-9.]+, )?render [0-9.]+")
                .contains("markata profile")
                .contains("Profile written to " + report + " (open it in a browser: " + report.toUri() + ")");
        assertThat(err.lines().count()).as("screen-sized").isLessThan(120);
        // the summary itself, from its header to its tree's footer, keeps to its line budget however
        // the build's time spreads (under load more nodes pass the tree's 3 %, and it took 125 lines)
        String summary = err.lines().dropWhile(l -> !l.startsWith("Build profile: "))
                .takeWhile(l -> !l.startsWith("Profiler cost, ")).collect(Collectors.joining("\n")).stripTrailing();
        assertThat(summary.lines()).as("the summary").isNotEmpty().hasSizeLessThanOrEqualTo(ConsoleSummary.SCREEN_LINES);
    }

    private static List<Span> spans(String category) {
        return session.spans().stream().filter(s -> s.category().equals(category)).toList();
    }

    /** Whether {@code session} has samples of the Markdown renderer and of the template engine inside documents. */
    private static boolean bothSampledInDocuments(Session session) {
        return !documentPluginsOfSamplesIn(session, MARKDOWN).isEmpty()
                && !documentPluginsOfSamplesIn(session, TEMPLATES).isEmpty();
    }

    /** The plugins of the document spans that enclose samples whose stack holds a frame of {@code prefix}. */
    private static Set<String> documentPluginsOfSamplesIn(Session session, String prefix) {
        List<Frame> frames = session.frames();
        StackTable stacks = session.stacks();
        boolean[] hit = new boolean[stacks.size()];
        for (int s = 0; s < stacks.size(); s++) {
            int parent = stacks.parentId(s);
            hit[s] = (parent != StackTable.EMPTY && hit[parent]) || frames.get(stacks.frameId(s)).className().startsWith(prefix);
        }
        Predicate<Sample> inPrefix = sample -> sample.stackId() != StackTable.EMPTY && hit[sample.stackId()];
        return session.threads().stream().flatMap(t -> t.samples().stream()).filter(inPrefix)
                .map(sample -> enclosingDocument(session, sample.spanId())).filter(s -> s != null)
                .map(s -> s.attributes().get("plugin")).collect(Collectors.toSet());
    }

    private static Span enclosingDocument(Session session, int spanId) {
        for (int id = spanId; id != Span.NONE; id = session.spans().get(id).parentId()) {
            if (session.spans().get(id).category().equals("document")) {
                return session.spans().get(id);
            }
        }
        return null;
    }

    private static Set<String> functionsIn(JsonObject frame) {
        Set<String> names = new java.util.HashSet<>();
        names.add(frame.get("function").getAsString());
        for (JsonElement child : frame.getAsJsonArray("children")) {
            names.addAll(functionsIn(child.getAsJsonObject()));
        }
        return names;
    }
}
