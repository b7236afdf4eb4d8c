package dev.markata.profiler.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JvmActivityTest {

    private static final long MS = 1_000_000L;

    private static JvmActivity pauses(GcPause... pauses) {
        return new JvmActivity(true, List.of(pauses), 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aPauseSpanningTwoStagesIsSplitBetweenThem() {
        // stages: parse 0-10 ms, render 10-30 ms; a pause from 8 to 14 ms
        JvmActivity jvm = pauses(new GcPause(8 * MS, 6 * MS, "Copy", "end of minor GC", "Allocation Failure"),
                new GcPause(20 * MS, 2 * MS, "Copy", "end of minor GC", "Allocation Failure"));

        assertThat(jvm.pauseNanosBetween(0, 10 * MS)).isEqualTo(2 * MS);
        assertThat(jvm.pauseNanosBetween(10 * MS, 30 * MS)).isEqualTo(6 * MS);
        assertThat(jvm.pauseNanosBetween(0, 10 * MS) + jvm.pauseNanosBetween(10 * MS, 30 * MS))
                .isEqualTo(jvm.pauseNanos());
        assertThat(jvm.pauseNanosBetween(30 * MS, 40 * MS)).isZero();
    }

    @Test
    void theLongestPauseIsFound() {
        GcPause longest = new GcPause(20 * MS, 12 * MS, "MarkSweepCompact", "end of major GC", "System.gc()");
        JvmActivity jvm = pauses(new GcPause(0, 3 * MS, "Copy", "end of minor GC", "Allocation Failure"), longest);

        assertThat(jvm.longestPause()).isEqualTo(longest);
        assertThat(pauses().longestPause()).isNull();
        assertThat(jvm.pauseNanos()).isEqualTo(15 * MS);
    }
}
