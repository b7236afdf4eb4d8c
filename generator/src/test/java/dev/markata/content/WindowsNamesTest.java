package dev.markata.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowsNamesTest {

    @Test
    void deviceNamesInAnyCaseAndWithAnyExtensionAreNamed() {
        for (String name : new String[] {"con", "CON", "Nul", "aux", "prn", "com1", "COM9", "lpt1", "lpt9", "com0",
                "con.txt", "nul.tar.gz", "Aux.html", "lpt¹"}) {
            assertThat(WindowsNames.problem(name)).as(name).hasValueSatisfying(
                    reason -> assertThat(reason).contains("device name on Windows"));
        }
    }

    @Test
    void namesThatEndWithADotOrASpaceAreNamed() {
        assertThat(WindowsNames.problem("notes.")).hasValueSatisfying(r -> assertThat(r).contains("ends with a dot"));
        assertThat(WindowsNames.problem("notes ")).hasValueSatisfying(r -> assertThat(r).contains("ends with a space"));
    }

    @Test
    void namesThatOnlyStartLikeADeviceAreFine() {
        for (String name : new String[] {"console", "con-notes", "auxiliary", "com10", "lpt", "com", "nul-hypothesis",
                "icon", "index.html", "my-post", "a.b", ".well-known", "com1-review"}) {
            assertThat(WindowsNames.problem(name)).as(name).isEmpty();
        }
    }

    @Test
    void aPathIsCheckedPartByPart() {
        assertThat(WindowsNames.reservedPart("blog/con/notes")).hasValue("con");
        assertThat(WindowsNames.reservedPart("blog/lpt1")).hasValue("lpt1");
        assertThat(WindowsNames.reservedPart("blog/console")).isEmpty();
    }
}
