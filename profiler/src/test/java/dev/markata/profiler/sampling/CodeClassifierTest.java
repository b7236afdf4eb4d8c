package dev.markata.profiler.sampling;

import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.Session;
import dev.markata.profiler.model.FrameKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application or library code for classes of an executable "fat" jar (Spring Boot's layout: the
 * application's classes under {@code BOOT-INF/classes}, its libraries as jars under
 * {@code BOOT-INF/lib}, loaded by the jar's own class loader from {@code jar:} URLs).
 */
class CodeClassifierTest {

    /**
     * {@code java -javaagent:... -jar app.jar} of a Spring Boot jar: the application's classes
     * come from {@code jar:file:/srv/app.jar!/BOOT-INF/classes!/}, which is no file, so they
     * were library code like everything else and every tree folded into one line.
     */
    @Test
    void classesInsideTheApplicationJarAreApplicationCode(@TempDir Path dir) throws Exception {
        Path fatJar = fatJar(dir);
        URL inside = new URL("jar:" + fatJar.toUri() + "!/BOOT-INF/classes/");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {inside}, null)) {
            assertThat(loader.loadClass("fat.App").getProtectionDomain().getCodeSource().getLocation())
                    .isEqualTo(inside);
            CodeClassifier application = new CodeClassifier(List.of(fatJar.toUri().toURL()));
            application.addLoader(loader);
            CodeClassifier other = new CodeClassifier(List.of());
            other.addLoader(loader);

            assertThat(application.classify("fat.App", null, null, false)).isEqualTo(FrameKind.APPLICATION);
            assertThat(other.classify("fat.App", null, null, false)).isEqualTo(FrameKind.LIBRARY);
        }
    }

    /**
     * A launcher (Spring Boot's) makes the class loader of the application's classes after the
     * profiler started and sets it as the thread's context loader; the profiler knew only the
     * loaders threads had when they were registered, found no {@code fat.App} at stop and called
     * it library code.
     */
    @Test
    void aClassLoaderMadeAfterTheStartIsFoundThroughTheThreadsContextLoader(@TempDir Path dir) throws Exception {
        Path fatJar = fatJar(dir);
        Profiler profiler = Profiler.builder().sampler(SamplerChoice.ASYNC_PROFILER).applicationCode(fatJar).build();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        URL inside = new URL("jar:" + fatJar.toUri() + "!/BOOT-INF/classes/");
        profiler.start();
        Session session;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {inside}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            loader.loadClass("fat.App").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            session = profiler.stop();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        assertThat(session.frames()).filteredOn(f -> f.className().equals("fat.App"))
                .isNotEmpty().allSatisfy(f -> assertThat(f.kind()).isEqualTo(FrameKind.APPLICATION));
    }

    /** {@code app.jar} with {@code fat.App} (100 ms of work in {@code main}) under {@code BOOT-INF/classes}. */
    private static Path fatJar(Path dir) throws Exception {
        Path source = dir.resolve("src/fat/App.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package fat;
                public class App {
                    static volatile long sink;
                    public static void main(String[] args) {
                        long end = System.nanoTime() + 100_000_000L;
                        long x = 0;
                        while (System.nanoTime() < end) {
                            x = x * 31 + 7;
                        }
                        sink = x;
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString())).isZero();
        Path fatJar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(fatJar); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("BOOT-INF/classes/fat/App.class"));
            jar.write(Files.readAllBytes(classes.resolve("fat/App.class")));
            jar.closeEntry();
        }
        return fatJar;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jar:file:/srv/app.jar!/BOOT-INF/classes!/|/srv/app.jar",
            "jar:file:/srv/app.jar!/BOOT-INF/classes/|/srv/app.jar",
            "jar:nested:/srv/app.jar/!BOOT-INF/classes/!/|/srv/app.jar",
            "jar:file:/srv/app.war!/WEB-INF/classes!/|/srv/app.war",
            "jar:file:/srv/my%20app.jar!/BOOT-INF/classes!/|/srv/my app.jar",
            "jar:file:/srv/app.jar!/BOOT-INF/lib/commonmark-0.22.jar!/|",
            "jar:nested:/srv/app.jar/!BOOT-INF/lib/commonmark-0.22.jar!/|",
            "jar:file:/srv/lib.jar!/|",
            "file:/srv/classes/|"})
    void theJarThatHoldsAClassFolderIsFoundAndANestedLibraryJarIsNot(String location, String jar) {
        assertThat(CodeClassifier.jarHoldingClassFolder(location)).isEqualTo(jar == null ? null : Path.of(jar).toString());
    }

    /**
     * A JDK tool's own code is in a JDK module: javac's main class is
     * {@code jdk.compiler/com.sun.tools.javac.Main}, and every frame of a javac profile was
     * library code, its tree one "frames hidden" row under {@code Main.main}. The module of the
     * program's main class, when that is one of the JDK's, is the program's own code; the rest
     * of the JDK stays library code, and for any other program nothing changes.
     */
    @Test
    void aProgramWhoseMainClassIsInAJdkModuleHasThatModuleAsItsOwnCode() {
        CodeClassifier javac = new CodeClassifier(List.of(), "jdk.compiler/com.sun.tools.javac.Main -d out Hello.java");
        // as the JDK sampler sees a frame (loader and module known)
        assertThat(javac.classify("com.sun.tools.javac.main.JavaCompiler", "app", "jdk.compiler", true))
                .isEqualTo(FrameKind.APPLICATION);
        assertThat(javac.classify("java.util.ArrayList", null, "java.base", true)).isEqualTo(FrameKind.LIBRARY);
        // as async-profiler's frames are classified (by class name alone)
        assertThat(javac.classify("com.sun.tools.javac.comp.Attr", null, null, false)).isEqualTo(FrameKind.APPLICATION);
        assertThat(javac.classify("java.util.HashMap", null, null, false)).isEqualTo(FrameKind.LIBRARY);

        // the main class named without its module (java -cp ... com.sun.tools.javac.Main)
        CodeClassifier byClass = new CodeClassifier(List.of(), "com.sun.tools.javac.Main Hello.java");
        assertThat(byClass.classify("com.sun.tools.javac.parser.JavacParser", null, null, false))
                .isEqualTo(FrameKind.APPLICATION);

        for (String other : List.of("app.Main", "app.jar --verbose", "", "dev.markata.Main build")) {
            assertThat(new CodeClassifier(List.of(), other).classify("com.sun.tools.javac.comp.Attr", "app",
                    "jdk.compiler", true)).as(other).isEqualTo(FrameKind.LIBRARY);
        }
    }
}
