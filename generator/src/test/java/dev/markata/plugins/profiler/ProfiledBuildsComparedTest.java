package dev.markata.plugins.profiler;

import static dev.markata.plugins.profiler.ProfiledBuilds.blog;
import static dev.markata.plugins.profiler.ProfiledBuilds.json;
import static dev.markata.plugins.profiler.ProfiledBuilds.markata;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.markata.profiler.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profiled build compares itself with the previous profiled build of the same site: two real
 * builds through the command line, the second after a change, and what the second one prints.
 */
class ProfiledBuildsComparedTest {

    private static final String LISTED = "hooks = [\"default\", \"markata.plugins.pyinstrument\"]\nworkers = 2";
    /** The profiler plus a plugin whose render tasks each sleep 100 ms: 12 posts on 2 workers, 600 ms more render. */
    private static final String LISTED_WITH_SLOW_RENDER =
            "hooks = [\"default\", \"markata.plugins.pyinstrument\", \"test.slow_render\"]\nworkers = 2";
    private static final String HEADER = "Compared with the previous profiled build";

    @TempDir
    Path dir;
    /** For the build that warms the JVM up (JUnit 5.10+ makes each {@code @TempDir} a folder of its own). */
    @TempDir
    Path scratch;

    private Path statsFile() {
        return dir.resolve("markout/_profile/index.stats.json");
    }

    @Test
    void theFirstProfiledBuildComparesWithNothingAndWritesItsFiguresBesideTheReport() {
        blog(dir, 4, LISTED, "");

        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain(HEADER).doesNotContain("not compared").doesNotContain("warning");
        JsonObject stats = json(statsFile()).getAsJsonObject();
        assertThat(stats.get("schema").getAsString()).isEqualTo(StatsJson.SCHEMA);
        assertThat(stats.get("outcome").getAsString()).isEqualTo("ok");
        assertThat(stats.get("documents_total").getAsInt()).isEqualTo(4);
        assertThat(Instant.parse(stats.get("finished_at").getAsString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(stats.getAsJsonArray("stages")).isNotEmpty();
        assertThat(stats.getAsJsonArray("hooks")).anySatisfy(h -> assertThat(h.getAsJsonObject().get("plugin")
                .getAsString()).isEqualTo("markata.plugins.render_markdown"));
        // the first profiled build has no baseline for the report either, and its address opens the call tree
        assertThat(session().metadata().keySet()).noneMatch(k -> k.startsWith("baseline."));
        assertThat(run.err()).contains("index.html)").doesNotContain("#build");
    }

    @Test
    void aSlowerStageAndMoreDocumentsAreNamedWithTheWorkEachBuildDid() {
        ProfiledBuilds.warmUpOnce(scratch);
        blog(dir, 4, LISTED, "");
        assertThat(markata("build", "--directory", dir.toString()).code()).isZero();
        blog(dir, 12, LISTED_WITH_SLOW_RENDER, "");

        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<String> block = comparison(run.err());
        assertThat(block.get(0)).startsWith(HEADER).containsPattern("\\((\\d+ s|just now|\\d+ min) ago, \\d{4}-\\d\\d-\\d\\d "
                + "\\d\\d:\\d\\d UTC\\)");
        assertThat(block).anySatisfy(l -> assertThat(l).matches("\\s+build wall\\s+[0-9.]+ -> +[0-9.]+ ms\\s+\\+[0-9.]+ ms.*"));
        // both builds recorded the JVM's figures: their GC pauses, under the build's CPU time
        assertThat(block.get(3)).matches("\\s+GC pauses\\s+[0-9]+ -> +[0-9]+ ms\\s+[-+][0-9]+ ms.*  \\([0-9]+ -> [0-9]+ pauses\\)");
        assertThat(block).anySatisfy(l -> assertThat(l).contains("before: 4 documents, 4 loaded, 4 rendered, 0 skipped"));
        assertThat(block).anySatisfy(l -> assertThat(l).contains("now: 12 documents, 12 loaded, 12 rendered, 0 skipped"));
        assertThat(block).anySatisfy(l -> assertThat(l).contains("different numbers of documents"));
        assertThat(block).anySatisfy(l -> assertThat(l).matches("\\s+render\\s+[0-9.]+ -> +[0-9.]+ ms\\s+\\+[0-9.]+ ms.*"));
        assertThat(block).anySatisfy(l -> assertThat(l).matches("\\s+render\\s+test\\.slow_render\\s+new\\s+[0-9.]+ ms.*"));
        // the report's Build tab gets the previous build's stage times
        assertThat(session().metadata()).containsKey("baseline.stage.render").containsKey("baseline.build_wall_nanos")
                .containsKey("baseline.gc_pauses").containsKey("baseline.gc_pause_nanos")
                .hasEntrySatisfying("baseline.label", label -> assertThat(label).contains("4 documents"));
        // a stage got slower: the report's address opens on the Build tab, where the two builds stand side by side
        assertThat(run.err()).containsPattern("Profile written to .*\\(open it in a browser: file:.*/index\\.html#build\\)");
    }

    @Test
    void aWarmBuildAfterAColdOneSaysItIsNotASpeedUpOfTheCode() {
        blog(dir, 4, LISTED, "");
        assertThat(markata("build", "--directory", dir.toString()).code()).isZero();

        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<String> block = comparison(run.err());
        assertThat(block).anySatisfy(l -> assertThat(l).contains("before: 4 documents, 4 loaded, 4 rendered, 0 skipped (cold)"));
        assertThat(block).anySatisfy(l -> assertThat(l).contains("now: 4 documents, 4 loaded, 0 rendered, 4 skipped (warm)"));
        assertThat(block).anySatisfy(l -> assertThat(l).contains("not a speed-up of the code"));
        assertThat(run.err()).doesNotContain("#build"); // nothing got slower
    }

    @Test
    void aDamagedPreviousFileIsOneWarningNamingItAndTheBuildSucceeds() throws IOException {
        blog(dir, 3, LISTED, "");
        assertThat(markata("build", "--directory", dir.toString()).code()).isZero();
        Files.writeString(statsFile(), "{\"schema\": \"" + StatsJson.SCHEMA + "\", \"wall_ms\": 12"); // cut short

        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain(HEADER);
        assertThat(run.err().lines().filter(l -> l.startsWith("warning:")).toList()).singleElement()
                .satisfies(w -> assertThat(w).contains(statsFile().toString()).contains("not compared"));
        // and it is replaced by this build's figures
        assertThat(json(statsFile()).getAsJsonObject().get("documents_total").getAsInt()).isEqualTo(3);

        Files.writeString(statsFile(), "{\"schema\": \"" + StatsJson.SCHEMA + "\", \"wall_ms\": \"fast\"}");
        ProfiledBuilds.Run wrongType = markata("build", "--directory", dir.toString());
        assertThat(wrongType.code()).isZero();
        assertThat(wrongType.err().lines().filter(l -> l.startsWith("warning:")).toList()).singleElement()
                .satisfies(w -> assertThat(w).contains(statsFile().toString()).contains("wall_ms"));
    }

    @Test
    void figuresOfAnotherSchemaAreOneLineAndNoWarning() throws IOException {
        blog(dir, 3, LISTED, "");
        assertThat(markata("build", "--directory", dir.toString()).code()).isZero();
        Files.writeString(statsFile(), "{\"schema\": \"markata-build-stats/9\", \"seconds\": 1}");

        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain(HEADER).doesNotContain("warning:");
        assertThat(run.err().lines().filter(l -> l.contains("markata-build-stats/9")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("not compared"));
    }

    @Test
    void quietPrintsNoComparison() {
        blog(dir, 3, LISTED, "");
        assertThat(markata("build", "--directory", dir.toString()).code()).isZero();

        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString(), "--quiet");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
    }

    /** The comparison's lines, from its header to the line before the report's. */
    private static List<String> comparison(String err) {
        List<String> lines = err.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(HEADER)) {
                start = i;
            }
        }
        assertThat(start).as(err).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith(" ")) {
            end++;
        }
        return lines.subList(start, end);
    }

    private Session session() {
        try {
            return Session.load(dir.resolve("markout/_profile/index.session.json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
