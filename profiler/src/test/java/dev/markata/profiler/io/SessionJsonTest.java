package dev.markata.profiler.io;

import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.ThreadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        String newer = SessionJson.toJson(sample()).replace("\"version\":1", "\"version\":99");
        assertThatThrownBy(() -> SessionJson.fromJson(newer))
                .hasMessageContaining("version 99 is not supported");
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
}
