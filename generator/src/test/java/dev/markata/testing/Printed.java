package dev.markata.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a command running on another thread (serve) prints, as it prints it. */
public final class Printed {

    private Printed() {
    }

    /** Waits up to 30 s for {@code regex} in what was printed so far; fails the test without it. */
    public static Matcher waitFor(ByteArrayOutputStream printed, String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(printed.toString(StandardCharsets.UTF_8));
            if (matcher.find()) {
                return matcher;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no \"" + regex + "\" in: " + printed.toString(StandardCharsets.UTF_8));
    }
}
