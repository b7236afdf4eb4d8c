package dev.markata.cli;

import dev.markata.MarkataVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven wrote into {@code dev/markata/version.properties}. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"markata-java " + MarkataVersion.current().version() + " (Java " + Runtime.version() + ")"};
    }
}
