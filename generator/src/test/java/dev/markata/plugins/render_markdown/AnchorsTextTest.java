package dev.markata.plugins.render_markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The anchors settings' text, part of every post's render-cache key, is the record's own. */
class AnchorsTextTest {

    /** The same components under the same name: its toString is the one a record makes. */
    private record Anchors(int minLevel, int maxLevel, boolean permalink, String symbol, boolean before, boolean space) {
    }

    @Test
    void theTextIsWhatTheRecordWouldPrint() {
        assertThat(MarkdownItConfig.Anchors.DEFAULTS).hasToString(new Anchors(1, 2, false, "\u00b6", false, true).toString());
        assertThat(new MarkdownItConfig.Anchors(2, 6, true, "#", true, false))
                .hasToString(new Anchors(2, 6, true, "#", true, false).toString());
    }
}
