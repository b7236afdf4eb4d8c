package dev.markata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This build of markata-java, as Maven wrote it into {@code dev/markata/version.properties}: the
 * project's version and when the jar was built.
 *
 * @param version the project's version ("0.1.0-SNAPSHOT")
 * @param built   when Maven built it (UTC); every rebuild is other code as far as caches go
 */
public record MarkataVersion(String version, String built) {

    private static final String RESOURCE = "/dev/markata/version.properties";

    public static MarkataVersion current() {
        Properties properties = new Properties();
        try (InputStream in = MarkataVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from markata-java's own jar", e);
        }
        return new MarkataVersion(properties.getProperty("version", "unknown"), properties.getProperty("built", "unknown"));
    }

    /** What {@code .markata.cache} is stamped with ({@link dev.markata.content.CacheDir}). */
    public String stamp() {
        return "markata-java " + version + " built " + built;
    }
}
