package dev.markata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkataVersionTest {

    @TempDir
    Path classes;

    @Test
    void aMavenBuildIsKnownByTheTimeMavenWroteIntoTheResource() {
        MarkataVersion version = MarkataVersion.read(properties("1.2.0", "2026-12-06T15:00:00Z"), classes);

        assertThat(version).isEqualTo(new MarkataVersion("1.2.0", "2026-12-06T15:00:00Z"));
    }

    @Test
    void theRunningBuildHasItsBuildTimeFilledIn() {
        assertThat(MarkataVersion.current().built()).doesNotContain("${").isNotEqualTo("unknown");
    }

    /**
     * An IDE that compiles without Maven's resource filtering leaves {@code ${markata.built}} in
     * the resource: every such build would carry the same stamp, and a cache written by code
     * since changed would be trusted. The newest class file stands in for the build time.
     */
    @Test
    void codeCompiledWithoutMavenIsKnownByItsNewestClassFile() throws IOException {
        Path older = touch(classes.resolve("dev/markata/Older.class"), "2026-12-01T10:00:00Z");
        Path newest = touch(classes.resolve("dev/markata/plugins/Newest.class"), "2026-12-05T08:30:00Z");
        Properties unfiltered = properties("${project.version}", "${markata.built}");

        MarkataVersion before = MarkataVersion.read(unfiltered, classes);
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-12-06T09:00:00Z")));
        MarkataVersion after = MarkataVersion.read(unfiltered, classes);

        assertThat(before.built()).contains("2026-12-05T08:30:00Z").doesNotContain("${");
        assertThat(after.built()).contains("2026-12-06T09:00:00Z");
        assertThat(after.stamp()).isNotEqualTo(before.stamp());
        assertThat(newest).exists();
    }

    @Test
    void unfilteredCodeInAJarIsKnownByTheJarsTime() throws IOException {
        Path jar = touch(classes.resolve("markata.jar"), "2026-12-04T12:00:00Z");

        MarkataVersion version = MarkataVersion.read(properties("${project.version}", "${markata.built}"), jar);

        assertThat(version.version()).isEqualTo("unknown");
        assertThat(version.built()).contains("2026-12-04T12:00:00Z");
    }

    private static Properties properties(String version, String built) {
        Properties properties = new Properties();
        properties.setProperty("version", version);
        properties.setProperty("built", built);
        return properties;
    }

    private static Path touch(Path file, String time) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(time)));
        return file;
    }
}
