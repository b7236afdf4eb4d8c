package dev.markata.plugins.profiler;

import dev.markata.profiler.io.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the previous profiled build of the site left beside its report for this one to compare
 * itself with ({@code index.stats.json}): its figures, nothing (the first profiled build), figures
 * of another schema (another version wrote them: not compared, and not an error), or a file that
 * cannot be read (a warning naming it; the build goes on and replaces it).
 */
sealed interface PreviousBuild {

    /** No file: the site's first profiled build (or the report moved). */
    record None() implements PreviousBuild {
    }

    record Found(BuildFigures figures) implements PreviousBuild {
    }

    record OtherSchema(Path file, String schema) implements PreviousBuild {
    }

    /** @param problem what is wrong, naming the field or the character offset */
    record Damaged(Path file, String problem) implements PreviousBuild {
    }

    /**
     * Reads {@code file}; never throws. A few kB (the figures list only the slowest documents),
     * so it costs well under a millisecond of the build (bench/README.md).
     */
    static PreviousBuild read(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new None();
        } catch (IOException e) {
            return new Damaged(file, "unreadable: " + e.getMessage());
        }
        try {
            if (!(JsonReader.parse(text) instanceof Map<?, ?> json)) {
                return new Damaged(file, "not a JSON object");
            }
            if (!(json.get("schema") instanceof String schema)) {
                return new Damaged(file, "no \"schema\"");
            }
            if (!schema.equals(StatsJson.SCHEMA)) {
                return new OtherSchema(file, schema);
            }
            return new Found(BuildFigures.fromJson(json, Files.getLastModifiedTime(file).toInstant()));
        } catch (IllegalArgumentException | IOException e) {
            return new Damaged(file, e.getMessage());
        }
    }
}
