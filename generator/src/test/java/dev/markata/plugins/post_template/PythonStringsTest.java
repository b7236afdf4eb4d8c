package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonStringsTest {

    /**
     * Python's {@code str.title()}: a character is title-cased after a character that has no
     * case, lower-cased after one that has. Letters of scripts without case (CJK, Arabic,
     * Hebrew) have none, so a Latin word right after them starts a word; a letter with a
     * title-case form of its own (the digraph {@code ǆ}) takes it, not its upper case.
     */
    @Test
    void titleCasesAsPythonsStrTitle() {
        assertThat(PythonStrings.title("hello wORLD")).isEqualTo("Hello World");
        assertThat(PythonStrings.title("3d printing")).isEqualTo("3D Printing");
        assertThat(PythonStrings.title("they're my_first-post")).isEqualTo("They'Re My_First-Post");
        assertThat(PythonStrings.title("日本語post")).isEqualTo("日本語Post");
        assertThat(PythonStrings.title("שלוםworld")).isEqualTo("שלוםWorld");
        assertThat(PythonStrings.title("ǆungla")).isEqualTo("ǅungla");
        // outside the Basic Multilingual Plane: Deseret letters have case
        assertThat(PythonStrings.title("\uD801\uDC28\uD801\uDC28")).isEqualTo("\uD801\uDC00\uD801\uDC28");
    }
}
