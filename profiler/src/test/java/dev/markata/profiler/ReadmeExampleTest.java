package dev.markata.profiler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's library example is compiled and run as a reader would copy it: until 2026-12-06 it
 * called an undefined {@code render(post)}, named no imports and never said how a session
 * becomes a report, so no one could run it without reading the javadoc first.
 */
class ReadmeExampleTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

    @Test
    void theLibraryExampleCompilesRunsAndWritesItsReport(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher block = JAVA_BLOCK.matcher(readme);
        String example = null;
        while (block.find()) {
            if (block.group(1).contains("public static void main")) {
                example = block.group(1);
                break;
            }
        }
        assertThat(example).as("a ```java block with a main method in README.md").isNotNull();
        Matcher name = CLASS_NAME.matcher(example);
        assertThat(name.find()).as("a public class in the example").isTrue();
        String className = name.group(1);
        Files.writeString(dir.resolve(className + ".java"), example, StandardCharsets.UTF_8);

        String classPath = System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = javac.run(null, errors, errors, "-cp", classPath, "-d", dir.toString(),
                dir.resolve(className + ".java").toString());
        assertThat(compiled).as(errors.toString(StandardCharsets.UTF_8)).isZero();

        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", dir + java.io.File.pathSeparator + classPath, className))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();

        // the text tree it prints has the task's work under main, where it was submitted
        assertThat(printed).contains("[thread main]").containsPattern(
                "(?s)" + className + "\\.main .*\\n[ │├└─]+[0-9.]+(?: ms)? " + className + "\\.lambda\\$main\\$0 .*\\n[ │├└─]+[0-9.]+(?: ms)? "
                        + className + "\\.render ");
        String page = Files.readString(dir.resolve("profile.html"), StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("\"" + className + "\"");
    }
}
