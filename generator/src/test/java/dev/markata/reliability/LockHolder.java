package dev.markata.reliability;

import dev.markata.content.BuildLock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A build that hangs, in a child JVM: holds the site's build lock until its standard input
 * closes (or a minute passes), having printed {@code held}.
 */
final class LockHolder {

    private final Process process;

    private LockHolder(Process process) {
        this.process = process;
    }

    /** Starts the child and returns once it holds the lock of the site in {@code site}. */
    static LockHolder hold(Path site) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), site.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] line = process.getInputStream().readNBytes("held\n".length());
        if (!new String(line, java.nio.charset.StandardCharsets.UTF_8).equals("held\n")) {
            process.destroyForcibly();
            throw new IOException("the lock holder did not start: " + new String(line, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new LockHolder(process);
    }

    long pid() {
        return process.pid();
    }

    /** Lets the lock go (the child ends). */
    void release() throws InterruptedException, IOException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        try (BuildLock lock = BuildLock.acquire(site.resolve(".markata.cache"), site, said -> { })) {
            System.out.print("held\n");
            System.out.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.in.read() >= 0 && System.nanoTime() < deadline) {
                // until the parent closes our input
            }
        }
    }
}
