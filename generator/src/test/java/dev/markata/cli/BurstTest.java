package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When {@code serve --watch} builds a burst of changes ({@link Burst}), on times given, not measured. */
class BurstTest {

    static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void nothingToBuildUntilAFileABuildReadsChanges() {
        assertThat(new Burst().any()).isFalse();
    }

    @Test
    void aPostSavedBuildsAMomentAfterTheLastChange() {
        Burst burst = new Burst();
        burst.changed(1000 * MS, false, dir.resolve("a.md"), false);
        burst.changed(1150 * MS, false, dir.resolve("b.md"), false);
        assertThat(burst.unsettled()).isFalse();
        assertThat(burst.buildAt(burst.unsettled())).isEqualTo(1150 * MS + Burst.QUIET);
    }

    @Test
    void aConfigurationSavedWaitsASecondForTheRestOfTheSave() {
        Burst burst = new Burst();
        burst.changed(1000 * MS, false, dir.resolve("a.md"), false);
        burst.changed(1100 * MS, true, dir.resolve("markata.toml"), false);
        assertThat(burst.unsettled()).isTrue();
        assertThat(burst.buildAt(burst.unsettled())).isEqualTo(1100 * MS + Burst.SETTLE);
    }

    @Test
    void aFileGoneWaitsASecondUntilTheWatcherSaysItIsBack() throws Exception {
        Path post = dir.resolve("a.md");
        Burst burst = new Burst();
        burst.changed(1000 * MS, false, post, true);
        assertThat(burst.unsettled()).as("moved aside by a rename-save").isTrue();
        assertThat(burst.buildAt(burst.unsettled())).isEqualTo(1000 * MS + Burst.SETTLE);
        Files.writeString(post, "renamed into place");
        // back on disk, its event not taken yet (late under load): building now, the event
        // would start a second build of the same files
        assertThat(burst.unsettled()).as("back, but the watcher has not said so").isTrue();
        burst.changed(1400 * MS, false, post, false);
        assertThat(burst.unsettled()).isFalse();
        assertThat(burst.buildAt(burst.unsettled())).isEqualTo(1400 * MS + Burst.QUIET);
    }

    @Test
    void aFolderMadeAgainBringsBackTheFilesItHolds() throws Exception {
        Path folder = dir.resolve("posts");
        Burst burst = new Burst();
        burst.changed(1000 * MS, false, folder.resolve("a.md"), true);
        burst.changed(1000 * MS, false, folder.resolve("b.md"), true);
        burst.changed(1000 * MS, false, folder, true);
        // a checkout makes the folder and its files again before serve watches it: only the
        // folder has an event
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("a.md"), "back");
        burst.changed(1300 * MS, false, folder, false);
        assertThat(burst.unsettled()).as("b.md is still gone").isTrue();
        Files.writeString(folder.resolve("b.md"), "back");
        burst.changed(1350 * MS, false, folder.resolve("b.md"), false);
        assertThat(burst.unsettled()).isFalse();
    }

    @Test
    void afterLostEventsAFileGoneIsLookedForOnDisk() throws Exception {
        Path post = dir.resolve("a.md");
        Burst burst = new Burst();
        burst.changed(1000 * MS, false, post, true);
        burst.changed(1100 * MS, false, null, false); // an overflow: the return's event may be lost
        assertThat(burst.unsettled()).isTrue();
        Files.writeString(post, "renamed into place");
        assertThat(burst.unsettled()).isFalse();
    }

    @Test
    void changesThatNeverPauseBuildAtMostAFewSecondsAfterTheFirst() {
        Burst burst = new Burst();
        for (long at = 1000; at < 9000; at += 100) {
            burst.changed(at * MS, true, dir.resolve("markata.toml"), false);
        }
        assertThat(burst.buildAt(true)).isEqualTo(1000 * MS + Burst.LONGEST);
        assertThat(burst.buildAt(false)).isEqualTo(1000 * MS + Burst.LONGEST);
    }
}
