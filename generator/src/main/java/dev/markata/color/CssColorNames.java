package dev.markata.color;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The CSS colour names ({@code css-colors.txt}: CSS Color Module Level 3's, and Level 4's
 * {@code rebeccapurple}, as Pillow knows them) and their values as {@code 0xRRGGBB}, for the
 * colours of covers (Pillow's names), of the web app manifest (pydantic's, which lack
 * {@code rebeccapurple}) and of {@code [markata.style]} (markata's {@code Color}). Here, not
 * in one of those plugins' packages: three plugins read them and none owns them. Read when
 * first asked for.
 */
public final class CssColorNames {

    /** Lower-case name to {@code 0xRRGGBB}. */
    public static final Map<String, Integer> BY_NAME = read();

    private CssColorNames() {
    }

    private static Map<String, Integer> read() {
        Map<String, Integer> names = new HashMap<>();
        try (InputStream in = CssColorNames.class.getResourceAsStream("css-colors.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] parts = line.split(" ");
                    names.put(parts[0], Integer.parseInt(parts[1], 16));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the colour names shipped in the jar cannot be read", e);
        }
        return Map.copyOf(names);
    }
}
