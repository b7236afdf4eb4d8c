package dev.markata.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@code markata build} of a site in a child JVM (to stop it with a signal), and what it printed so far. */
final class ChildBuild {

    final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ChildBuild(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        });
        reader.start();
    }

    static ChildBuild start(Path site) throws IOException {
        return new ChildBuild(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.markata.cli.Main", "build", "-d", site.toString())
                .redirectErrorStream(true).start());
    }

    /** Waits (a minute at most) until a line starts with {@code prefix} or the child ends. */
    void awaitLineStarting(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (output.stream().noneMatch(l -> l.startsWith(prefix)) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Waits for the child to end and its output to be read; whether it ended within a minute. */
    boolean awaitEnd() throws InterruptedException {
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        reader.join(10_000);
        return ended;
    }
}
