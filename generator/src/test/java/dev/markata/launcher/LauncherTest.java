package dev.markata.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code markata} launcher script's error paths, run with bash in a checkout of its own
 * (the script, a Maven wrapper that stands in for the build, the module's pom) and a JDK that
 * stands in for the one it finds, so nothing is built and no JVM of the wrong version is needed.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "markata").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** A checkout whose Maven wrapper runs {@code mvnw}: the script, the wrapper, the module's pom; no jar yet. */
    private Path checkout(String mvnw) throws IOException {
        Path root = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(LAUNCHER, root.resolve("markata"));
        executable(root.resolve("mvnw"), mvnw);
        Files.createDirectories(root.resolve("generator/src/main/java"));
        Files.writeString(root.resolve("generator/pom.xml"), "<project><artifactId>markata</artifactId></project>\n");
        return root;
    }

    /** A JDK whose release file says {@code version} and whose java prints what {@code java} does. */
    private Path jdk(String version, String java) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        executable(Files.createDirectories(home.resolve("bin")).resolve("java"), java);
        return home;
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + script + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private ProcessBuilder launcher(Path root, Path javaHome, String... args) throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String[] command = new String[args.length + 3];
        command[0] = "setsid"; // a process group of its own, for Ctrl-C
        command[1] = "bash";
        command[2] = root.resolve("markata").toString();
        System.arraycopy(args, 0, command, 3, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", javaHome.toString());
        environment.put("TMPDIR", tmp.toString());
        environment.put("MARKATA_CDS", "0");
        return builder;
    }

    /**
     * Java 11 first on the way: the jar's classes (Java 17) failed to load with an
     * UnsupportedClassVersionError, or the Maven build with "invalid target release", neither
     * saying which Java ran or what is needed. The launcher says both, before building.
     */
    @Test
    void anOlderJavaIsNamedWithTheVersionNeeded() throws Exception {
        Path root = checkout("echo built >> \"$(dirname \"$0\")/built.txt\"");
        Path home = jdk("11.0.22", "echo 'Error: LinkageError occurred while loading main class dev.markata.cli.Main'"
                + " >&2; exit 1");
        Process run = launcher(root, home, "build").start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(output).isEqualTo(2);
        assertThat(output).isEqualTo("markata: needs Java 17 or newer, and " + home.resolve("bin/java")
                + " is Java 11.0.22: install a JDK 17+ and set JAVA_HOME to it (or put its bin/ first on PATH)\n");
        assertThat(root.resolve("built.txt")).as("no build was tried").doesNotExist();

        Path java8 = jdk("1.8.0_392", "exit 1");
        Process old = launcher(root, java8, "--version").start();
        assertThat(old.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(old.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains(" is Java 1.8.0_392: ");
    }

    /** Ctrl-C while the launcher builds the jar left the build's log in /tmp (mktemp) every time. */
    @Test
    void ctrlCWhileTheJarIsBuiltLeavesNoFileBehind() throws Exception {
        Path root = checkout("touch \"$(dirname \"$0\")/building\"; exec sleep 60");
        Process run = launcher(root, jdk("17.0.2", "exit 0"), "build").start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(root.resolve("building")) && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(root.resolve("building")).as("the build started").exists();
        new ProcessBuilder("kill", "-INT", "--", "-" + run.pid()).inheritIO().start().waitFor();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("Ctrl-C ends the launcher").isTrue();
        try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).as("files the launcher left in TMPDIR").isEmpty();
        }
        assertThat(run.exitValue()).isEqualTo(130);
    }
}
