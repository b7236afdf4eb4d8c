package dev.markata.plugins.post_template;

import com.hubspot.jinjava.Jinjava;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() throws Exception {
        Jinjava plain = new Jinjava();
        for (String t : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/tmp/jinja-compat/scratch.txt"))) {
            String out;
            try { out = plain.render(t, Map.of("n", 7)); } catch (Exception e) { out = "ERR " + e; }
            System.out.println("SCRATCH " + t + " => " + out);
        }
    }
}
