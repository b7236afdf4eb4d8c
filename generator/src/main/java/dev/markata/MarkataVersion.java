package dev.markata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * This build of markata-java, as Maven wrote it into {@code dev/markata/version.properties}: the
 * project's version and when the jar was built.
 *
 * @param version the project's version ("0.1.0-SNAPSHOT")
 * @param built   when Maven built it (UTC); every rebuild is other code as far as caches go
 */
public record MarkataVersion(String version, String built) {

    private static final String RESOURCE = "/dev/markata/version.properties";
    private static final String UNKNOWN = "unknown";

    public static MarkataVersion current() {
        Properties properties = new Properties();
        try (InputStream in = MarkataVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from markata-java's own jar", e);
        }
        return read(properties, codeLocation());
    }

    /**
     * The version in {@code properties}. Code compiled without Maven's resource filtering (an
     * IDE's own build) still says {@code ${markata.built}}: every such build would carry one
     * stamp, and a cache written by code since changed would be trusted. The newest file of
     * {@code code} (the classes folder, or the jar) then stands in for the build time.
     */
    static MarkataVersion read(Properties properties, Path code) {
        String version = filled(properties.getProperty("version"));
        String built = filled(properties.getProperty("built"));
        if (built == null) {
            built = code == null ? UNKNOWN : "unfiltered, code modified " + newestModification(code);
        }
        return new MarkataVersion(version == null ? UNKNOWN : version, built);
    }

    /** What {@code .markata.cache} is stamped with ({@link dev.markata.content.CacheDir}). */
    public String stamp() {
        return "markata-java " + version + " built " + built;
    }

    private static String filled(String value) {
        return value == null || value.contains("${") ? null : value;
    }

    private static Path codeLocation() {
        CodeSource source = MarkataVersion.class.getProtectionDomain().getCodeSource();
        try {
            return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String newestModification(Path code) {
        try {
            if (!Files.isDirectory(code)) {
                return Files.getLastModifiedTime(code).toString();
            }
            try (Stream<Path> files = Files.find(code, Integer.MAX_VALUE, (path, attributes) -> attributes.isRegularFile())) {
                return files.map(MarkataVersion::modified).max(FileTime::compareTo).map(FileTime::toString).orElse(UNKNOWN);
            }
        } catch (IOException | UncheckedIOException e) {
            return UNKNOWN;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
