package dev.markata.plugins.covers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Colours in the forms Pillow's ImageColor.getrgb reads, as markata's covers config writes them. */
class CoverColorTest {

    private static String argb(Object value) {
        return CoverColor.parse(value).map(c -> String.format("%08x", c.argb())).orElse("none");
    }

    @Test
    void hexInEveryLengthPillowReads() {
        assertThat(argb("#fff")).isEqualTo("ffffffff");
        assertThat(argb("#f008")).isEqualTo("88ff0000");
        assertThat(argb("#B99BA5")).isEqualTo("ffb99ba5");
        assertThat(argb("#11223344")).isEqualTo("44112233");
        assertThat(argb("#12345")).isEqualTo("none");
    }

    @Test
    void functionalForms() {
        assertThat(argb("rgb(185,155,165)")).isEqualTo("ffb99ba5");
        assertThat(argb(" rgb( 255 , 0 , 0 ) ")).isEqualTo("ffff0000");
        assertThat(argb("rgb(100%,0%,50%)")).isEqualTo("ffff0080");
        assertThat(argb("rgba(0,0,255,128)")).isEqualTo("800000ff");
        assertThat(argb("hsl(120,100%,50%)")).isEqualTo("ff00ff00");
        assertThat(argb("hsl(0,0%,50%)")).isEqualTo("ff808080");
        assertThat(argb("hsv(240,100%,100%)")).isEqualTo("ff0000ff");
        assertThat(argb("hsb(60,100%,100%)")).isEqualTo("ffffff00");
        assertThat(argb("rgb(256,0,0)")).isEqualTo("none");
        assertThat(argb("rgb(1,2)")).isEqualTo("none");
    }

    @Test
    void cssNamesInAnyCase() {
        assertThat(argb("white")).isEqualTo("ffffffff");
        assertThat(argb("RebeccaPurple")).isEqualTo("ff663399");
        assertThat(argb("gray")).isEqualTo("ff808080"); // CSS's grey, not X11's
        assertThat(argb("green")).isEqualTo("ff008000");
        assertThat(argb("reddish")).isEqualTo("none");
    }

    @Test
    void anArrayOfChannelsAsPillowTakesATuple() {
        assertThat(argb(List.of(255L, 128L, 0L))).isEqualTo("ffff8000");
        assertThat(argb(List.of(0L, 0L, 0L, 0L))).isEqualTo("00000000");
        assertThat(argb(List.of(1L, 2L))).isEqualTo("none");
        assertThat(argb(List.of("a", "b", "c"))).isEqualTo("none");
        assertThat(argb(12L)).isEqualTo("none");
    }
}
