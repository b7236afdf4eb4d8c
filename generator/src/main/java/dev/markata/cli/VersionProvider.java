package dev.markata.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code dev/markata/version.properties}. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/markata/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"markata-java " + properties.getProperty("version", "unknown")
                + " (Java " + Runtime.version() + ")"};
    }
}
