package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PythonStringsTest {

    /**
     * Strings and what Python 3.11's {@code str.title()} makes of them (Unicode 14; printed by
     * {@code python3 -c "print(repr(s.title()))"}, combining marks and ligatures written as
     * escapes). A character is title-cased after one that has no case, lower-cased after one that
     * has: letters of scripts without case (CJK, Hebrew), digits, punctuation and combining marks
     * have none, so a Latin word right after them starts a word. Python uses the full case
     * mappings: a letter whose title case is several characters ({@code ß}, {@code ŉ}, the
     * ligatures, Armenian {@code և}, Greek letters with a breathing or iota subscript) becomes
     * them, a digraph ({@code ǆ}) takes its title-case form, {@code İ} lower-cased is {@code i}
     * and a combining dot, and a capital sigma that ends a word is the final {@code ς}.
     */
    static Object[][] pythonTitles() {
        return new Object[][] {
            {"hello wORLD", "Hello World"},
            {"3d printing", "3D Printing"},
            {"they're my_first-post", "They'Re My_First-Post"},
            {"日本語post", "日本語Post"},
            {"שלוםworld", "שלוםWorld"},
            {"ǆungla", "ǅungla"},
            {"ǅUNGLA", "ǅungla"},
            {"ǄUNGLA", "ǅungla"},
            {"\uD801\uDC28\uD801\uDC28", "\uD801\uDC00\uD801\uDC28"},
            {"straße", "Straße"},
            {"ßa", "Ssa"},
            {"ŉ", "\u02BCN"},
            {"\uFB01sh \uFB02ow", "Fish Flow"},
            {"\uFB03", "Ffi"},
            {"և", "Եւ"},
            {"ᾳ", "ᾼ"},
            {"ᾲ ᾷ", "Ὰ\u0345 Α\u0342\u0345"},
            {"ᾼ", "ᾼ"},
            {"ΟΔΟΣ ΟΔΟΣ", "Οδος Οδος"},
            {"ΑΣ'Β", "Ασ'Β"},
            {"Α.Σ.", "Α.Σ."},
            {"aİb", "Ai\u0307b"},
            {"İstanbul", "İstanbul"},
            {"ǰ", "J\u030C"},
            {"ΐ", "Ι\u0308\u0301"},
            {"ὒ", "Υ\u0313\u0300"},
            {"\uFB13", "Մն"},
            {"ẚ", "A\u02BE"},
            {"mañana", "Mañana"},
            {"ÉCOLE", "École"},
            {"e\u0301cole", "E\u0301Cole"},
            {"o'neil mcdonald", "O'Neil Mcdonald"},
            {"", ""},
            {"\uD83D\uDE00abc", "\uD83D\uDE00Abc"},
            {"ა", "ა"},
            {"ꭰ", "Ꭰ"}
        };
    }

    @ParameterizedTest
    @MethodSource("pythonTitles")
    void titleCasesAsPythonsStrTitle(String text, String python) {
        assertThat(PythonStrings.title(text)).isEqualTo(python);
    }

    /**
     * Python 3.11's {@code str.capitalize()}: the first character title-cased (since Python 3.8),
     * with the full mappings, the rest lower-cased.
     */
    static Object[][] pythonCapitalized() {
        return new Object[][] {
            {"hELLO wORLD", "Hello world"},
            {"ßa", "Ssa"},
            {"ǆUNGLA", "ǅungla"},
            {"\uFB01sh", "Fish"},
            {"ΟΔΟΣ ΟΔΟΣ", "Οδος οδος"},
            {"aİ", "Ai\u0307"},
            {"éCOLE", "École"},
            {"\uD801\uDC28\uD801\uDC00", "\uD801\uDC00\uD801\uDC28"},
            {"日本語POST", "日本語post"},
            {"", ""}
        };
    }

    @ParameterizedTest
    @MethodSource("pythonCapitalized")
    void capitalizesAsPythonsStrCapitalize(String text, String python) {
        assertThat(PythonStrings.call(text, "capitalize", new Object[0])).isEqualTo(python);
    }
}
