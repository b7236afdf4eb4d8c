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
        burst.changed(1000 * MS, false, null);
        burst.changed(1150 * MS, false, null);
        assertThat(burst.unsettled()).isFalse();
        assertThat(burst.buildAt(burst.unsettled())).isEqualTo(1150 * MS + Burst.QUIET);
    }

    @Test
    void aConfigurationSavedWaitsASecondForTheRestOfTheSave() {
        Burst burst = new Burst();
        burst.changed(1000 * MS, false, null);
        burst.changed(1100 * MS, true, null);
        assertThat(burst.unsettled()).isTrue();
        assertThat(burst.buildAt(burst.unsettled())).isEqualTo(1100 * MS + Burst.SETTLE);
    }

    @Test
    void aFileGoneWaitsASecondUntilItIsBack() throws Exception {
        Path post = dir.resolve("a.md");
        Burst burst = new Burst();
        burst.changed(1000 * MS, false, post);
        assertThat(burst.unsettled()).as("moved aside by a rename-save").isTrue();
        assertThat(burst.buildAt(burst.unsettled())).isEqualTo(1000 * MS + Burst.SETTLE);
        Files.writeString(post, "renamed into place");
        burst.changed(1400 * MS, false, null);
        assertThat(burst.unsettled()).isFalse();
        assertThat(burst.buildAt(burst.unsettled())).isEqualTo(1400 * MS + Burst.QUIET);
    }

    @Test
    void changesThatNeverPauseBuildAtMostAFewSecondsAfterTheFirst() {
        Burst burst = new Burst();
        for (long at = 1000; at < 9000; at += 100) {
            burst.changed(at * MS, true, null);
        }
        assertThat(burst.buildAt(true)).isEqualTo(1000 * MS + Burst.LONGEST);
        assertThat(burst.buildAt(false)).isEqualTo(1000 * MS + Burst.LONGEST);
    }
}
