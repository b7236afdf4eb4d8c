package dev.markata.testing;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A tmpfs mounted on a folder for a test: a full disk ({@code size=32k}) or a read-only one
 * ({@code ro}), which tests run as root cannot make with chmod. Mounting needs root and
 * CAP_SYS_ADMIN: where this process has not, the test is skipped, saying why.
 */
public final class Tmpfs {

    private Tmpfs() {
    }

    /** Mounts a tmpfs with {@code options} ({@code "size=256k"}) on {@code folder}, or skips the test. */
    public static void mountOrSkip(Path folder, String options) throws Exception {
        Process mount;
        try {
            mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException noMount) {
            Assumptions.abort("no mount command here: " + noMount.getMessage());
            return;
        }
        boolean done = mount.waitFor(20, TimeUnit.SECONDS);
        String said = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(done && mount.exitValue() == 0,
                "mounting a tmpfs is not permitted here (needs root and CAP_SYS_ADMIN): " + said.strip());
    }

    public static void unmount(Path folder) throws Exception {
        new ProcessBuilder("umount", folder.toString()).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
    }
}
