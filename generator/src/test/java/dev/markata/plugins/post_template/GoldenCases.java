package dev.markata.plugins.post_template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The golden files in resources/jinja/: what Jinja2 made, one JSON object a line, read from the class path. */
final class GoldenCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenCases() {
    }

    static List<JsonNode> lines(String resource) {
        List<JsonNode> cases = new ArrayList<>();
        for (String line : text(resource).split("\n")) {
            cases.add(json(line));
        }
        return cases;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        try (InputStream in = GoldenCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
