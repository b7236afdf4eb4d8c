package dev.markata.profiler.io;

import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.ThreadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionJsonTest {

    private static Session sample() {
        TestSessions b = TestSessions.builder();
        int stage = b.span(Span.NONE, "stage", "render", 1, 0, 30);
        b.span(stage, "document", "posts/</script><img src=x onerror=alert(1)>.md", 2, 5, 25);
        return b.sample(1, "app.Main.main;app.Site.render", 10)
                .sample(1, "app.Main.main;app.Site.render;java.util.HashMap.get", 5, ThreadState.RUNNING, stage)
                .sample(2, "java.lang.Thread.run;app.Post.render", 20, ThreadState.WAITING, 1)
                .metadata("outcome", "failed at \"render\"\n")
                .build();
    }

    @Test
    void roundTripsEveryField() {
        Session session = sample();

        Session read = SessionJson.fromJson(SessionJson.toJson(session));

        assertThat(read).isEqualTo(session);
        assertThat(read.sampleCount()).isEqualTo(35);
    }

    /** A session with what the JVM did: two pauses, one of them named with HTML. */
    static Session withJvm() {
        return sample().withJvm(new JvmActivity(true, List.of(
                new GcPause(2_000_000, 3_000_000, "Copy", "end of minor GC", "Allocation Failure"),
                new GcPause(20_000_000, 12_000_000, "<b>MarkSweepCompact</b>", "end of major GC", "System.gc()")),
                1, 9_000_000, 610_000_000, 640_000_000, JvmActivity.UNKNOWN, 30_000_000, 6120, 3));
    }

    @Test
    void roundTripsWhatTheJvmDid() {
        Session session = withJvm();

        String json = SessionJson.toJson(session);
        Session read = SessionJson.fromJson(json);

        assertThat(read).isEqualTo(session);
        assertThat(read.jvm().gcPauses()).hasSize(2);
        assertThat(read.jvm().gcCpuNanos()).isEqualTo(JvmActivity.UNKNOWN); // not known stays not known
        assertThat(json).doesNotContain("gcCpuNanos").doesNotContain("<b>");
    }

    @Test
    void aSessionWithoutJvmActivityWritesNoneAndReadsBackNone() {
        String json = SessionJson.toJson(sample());

        assertThat(json).doesNotContain("\"jvm\"");
        assertThat(SessionJson.fromJson(json).jvm()).isEqualTo(JvmActivity.NONE);
    }

    /**
     * A session file written by main before JVM activity was recorded (commit d5bff5f, by
     * {@code Session.save}: a 50 ms recording of a spin inside a span) still loads, with
     * {@link JvmActivity#NONE}.
     */
    @Test
    void aSessionSavedBeforeJvmActivityWasRecordedLoads() throws Exception {
        Path file = Path.of(SessionJsonTest.class.getResource("/sessions/before-jvm-activity.session.json").toURI());

        Session loaded = Session.load(file);

        assertThat(loaded.jvm()).isEqualTo(JvmActivity.NONE);
        assertThat(loaded.jvm().recorded()).isFalse();
        assertThat(loaded.spans()).extracting(Span::name).contains("spin");
        assertThat(loaded.sampleCount()).isPositive();
    }

    @Test
    void writesNothingThatCouldCloseAnHtmlScriptElement() {
        String json = SessionJson.toJson(sample());

        assertThat(json).doesNotContain("<").doesNotContain(">").contains("\\u003c/script\\u003e");
    }

    @Test
    void internsRepeatedStringsOnce() {
        String json = SessionJson.toJson(sample());

        assertThat(json.split("\"Main.java\"", -1)).hasSize(2);
    }

    @Test
    void saveIsAtomicAndLoadReadsItBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nested/profile.json");

        sample().save(file);

        assertThat(Session.load(file)).isEqualTo(sample());
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        }
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void loadNamesTheFileAndTheProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        String json = SessionJson.toJson(sample());
        Files.writeString(file, json.substring(0, json.length() / 2));

        assertThatThrownBy(() -> Session.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("at offset");
    }

    @Test
    void rejectsAnotherFormatOrANewerVersion() {
        assertThatThrownBy(() -> SessionJson.fromJson("{\"format\":\"speedscope\"}"))
                .hasMessageContaining("not a markata-profile session");
        String newer = SessionJson.toJson(sample()).replace("\"version\":2", "\"version\":99");
        assertThatThrownBy(() -> SessionJson.fromJson(newer))
                .hasMessageContaining("version 99 is not supported");
    }

    @Test
    void readsVersionOneSessions() {
        // sample() as version 1 wrote it: absolute span rows of 7, attributes per span id.
        String v1 = "{\"format\":\"markata-profile\",\"version\":1,\"startedAt\":\"2026-01-01T00:00:00Z\","
                + "\"durationNanos\":30,\"intervalNanos\":1000000,\"cpuTimeNanos\":0,\"target\":\"t\","
                + "\"sampler\":{\"name\":\"jdk\",\"detail\":\"d\"},\"asyncMode\":\"ENABLED\",\"timeMode\":\"WALL\","
                + "\"metadata\":{},\"strings\":[\"app.Main\",\"main\",\"Main.java\",\"stage\",\"render\",\"document\",\"a.md\"],"
                + "\"frames\":[0,1,2,3,0],\"stacks\":[-1,0],"
                + "\"threads\":[{\"id\":1,\"name\":\"main\",\"samples\":[0,10,0,0,0,1]}],"
                + "\"spans\":[-1,3,4,1,0,30,-1, 0,5,6,2,5,25,-1],"
                + "\"spanAttributes\":{\"1\":{\"stage\":\"render\",\"plugin\":\"p\"}}}";

        Session read = SessionJson.fromJson(v1);

        assertThat(read.spans()).hasSize(2);
        Span document = read.spans().get(1);
        assertThat(document.parentId()).isZero();
        assertThat(document.startNanos()).isEqualTo(5);
        assertThat(document.endNanos()).isEqualTo(25);
        assertThat(document.attributes()).containsEntry("stage", "render").containsEntry("plugin", "p");
        assertThat(read.spans().get(0).parentId()).isEqualTo(Span.NONE);
        // and the same session survives being written as version 2 and read back
        assertThat(SessionJson.fromJson(SessionJson.toJson(read))).isEqualTo(read);
    }

    @Test
    void readsWhatVersionOneWroteUnchanged() {
        TestSessions b = TestSessions.builder();
        int stage = b.span(Span.NONE, "stage", "render", 1, 0, 30);
        b.span(stage, "document", "posts/a.md", 2, 5, 25, java.util.Map.of("stage", "render", "plugin", "p"));
        Session session = b.sample(1, "app.Main.main;app.Site.render", 10)
                .sample(2, "java.lang.Thread.run;app.Post.render", 20, ThreadState.WAITING, 1)
                .metadata("outcome", "ok").build();

        assertThat(SessionJson.fromJson(SessionJsonV1.toJson(session))).isEqualTo(session);
    }

    @Test
    void writesEachDistinctAttributeSetOnce() {
        TestSessions b = TestSessions.builder();
        int stage = b.span(Span.NONE, "stage", "render", 1, 0, 100);
        for (int i = 0; i < 20; i++) {
            b.span(stage, "document", "posts/" + i + ".md", 2, i * 5, i * 5 + 4,
                    java.util.Map.of("stage", "render", "plugin", "markata.plugins.render_markdown"));
        }
        Session session = b.sample(1, "app.Main.main", 10).build();

        String json = SessionJson.toJson(session);

        assertThat(json.split("\"markata.plugins.render_markdown\"", -1)).hasSize(2);
        assertThat(SessionJson.fromJson(json)).isEqualTo(session);
    }

    @Test
    void encodesTextAsAWriterWouldAndEscapesForHtml() {
        String text = "caf\u00e9 \u65e5\u672c \uD83D\uDE00 \u2028 \"q\" \\ \n\t\u0001 </script> & \u007f";
        Session session = TestSessions.builder().sample(1, "app.Main.main", 1).metadata("k", text).build();

        String json = SessionJson.toJson(session);

        assertThat(json).contains("caf\u00e9 \u65e5\u672c \uD83D\uDE00 \\u2028 \\\"q\\\" \\\\ \\n\\t\\u0001 "
                + "\\u003c/script\\u003e \\u0026 \u007f");
        assertThat(SessionJson.fromJson(json).metadata()).containsEntry("k", text);
    }

    @Test
    void combineAppendsTheSecondRecordingAndSharesTables() {
        Session first = sample();
        Session second = TestSessions.builder()
                .sample(1, "app.Main.main;app.Site.render", 7)
                .sample(3, "app.Other.run", 2)
                .build();

        Session combined = first.combine(second);

        assertThat(combined.sampleCount()).isEqualTo(first.sampleCount() + second.sampleCount());
        assertThat(combined.duration()).isEqualTo(first.duration().plus(second.duration()));
        assertThat(combined.threads()).extracting(t -> t.threadId()).containsExactly(1L, 2L, 3L);
        // "app.Main.main;app.Site.render" exists in both: interned once.
        assertThat(combined.frames()).hasSize(first.frames().size() + 1);
        var mainLane = combined.threads().get(0).samples();
        assertThat(mainLane.get(mainLane.size() - 1).startNanos()).isEqualTo(first.duration().toNanos());
        assertThat(mainLane.get(mainLane.size() - 1).stackId()).isEqualTo(mainLane.get(0).stackId());
        assertThat(combined.spans()).hasSize(2);
    }

    @Test
    void combineMovesTheSecondRecordingsPausesAfterTheFirstAndAddsTheFigures() {
        Session first = withJvm();
        Session second = withJvm();

        JvmActivity both = first.combine(second).jvm();

        long offset = first.duration().toNanos();
        assertThat(both.gcPauses()).extracting(GcPause::startNanos)
                .containsExactly(2_000_000L, 20_000_000L, offset + 2_000_000L, offset + 20_000_000L);
        assertThat(both.pauseNanos()).isEqualTo(2 * first.jvm().pauseNanos());
        assertThat(both.classesLoaded()).isEqualTo(12_240);
        assertThat(both.jitNanos()).isEqualTo(1_220_000_000L);
        assertThat(both.gcCpuNanos()).isEqualTo(JvmActivity.UNKNOWN);
        assertThat(both.gcCycles()).isEqualTo(2);
        // with a session saved before JVM activity was recorded, nothing is known of the whole
        assertThat(first.combine(sample()).jvm()).isEqualTo(JvmActivity.NONE);
    }
}
