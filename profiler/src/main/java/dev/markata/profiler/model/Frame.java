package dev.markata.profiler.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One frame of a sampled stack: where a thread was, as precisely as the sampler could tell.
 *
 * <p>Frames are interned in a {@link Session}'s frame table and referred to by index, so a
 * frame that appears in a million samples is stored once.
 *
 * @param className  fully qualified class name ({@code java.util.HashMap}), or a pseudo name for
 *                   synthetic frames
 * @param methodName method name ({@code get}, {@code <init>}, {@code lambda$run$0})
 * @param fileName   source file name ({@code HashMap.java}), or empty when unknown
 * @param lineNumber line number in {@code fileName}, or 0 when unknown
 * @param kind       whether this is the application's own code, library code or synthetic
 */
public record Frame(String className, String methodName, String fileName, int lineNumber, FrameKind kind) {

    /** The address the JVM appends to a hidden class's name: {@code .0x0000...} or {@code /0x0000...}. */
    private static final Pattern HIDDEN_CLASS_ADDRESS = Pattern.compile("[./]0x[0-9a-fA-F]+$");
    /** A lambda class's sequence number ({@code Outer$$Lambda$928}, {@code Outer$$Lambda123}). */
    private static final Pattern LAMBDA_NUMBER = Pattern.compile("(\\$\\$Lambda)\\$?\\d*$");
    private static final Pattern HIDDEN_CLASS_FILE = Pattern.compile("0x[0-9a-fA-F]+\\.java");

    public Frame {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(kind, "kind");
        if (lineNumber < 0) {
            lineNumber = 0;
        }
    }

    /**
     * {@code SimpleClass.method}: the short name shown in trees and tables. The JVM's hidden
     * classes behind lambdas ({@code Outer$$Lambda$928/0x00007f...}, {@code Outer$$Lambda.0x...})
     * show as {@code Outer$$Lambda}, as in the HTML report: the number and address differ from
     * run to run and say nothing to a reader. A synthetic frame named by its class alone
     * ({@code [out-of-context]}) is that name, with no dot after it.
     */
    public String displayName() {
        String shown = shownClassName();
        int dot = shown.lastIndexOf('.');
        String simple = dot < 0 ? shown : shown.substring(dot + 1);
        return simple.isEmpty() ? methodName : methodName.isEmpty() ? simple : simple + "." + methodName;
    }

    /**
     * The class name without what the JVM adds to a hidden class:
     * {@code app.Outer$$Lambda$928/0x00007f...} and {@code app.Outer$$Lambda.0x...} are both
     * {@code app.Outer$$Lambda}. Two lambda classes of one call site (or of two runs) share it,
     * so reports merge them into one row.
     */
    public String shownClassName() {
        if (className.contains("0x") || className.contains("$$Lambda")) {
            return LAMBDA_NUMBER.matcher(HIDDEN_CLASS_ADDRESS.matcher(className).replaceFirst("")).replaceFirst("$1");
        }
        return className;
    }

    /**
     * The source file as reports compare methods: empty for a hidden class (a lambda's), whose
     * file is its host's or, from a sampler that derives file names from class names, its
     * address ({@code 0x00007f0123.java}); the file adds nothing to its shown class name there.
     */
    public String shownFileName() {
        boolean hidden = className.contains("$$Lambda") || !shownClassName().equals(className);
        return hidden || HIDDEN_CLASS_FILE.matcher(fileName).matches() ? "" : fileName;
    }

    /** {@code File.java:42}, or just the file name when the line is unknown. */
    public String location() {
        return lineNumber > 0 ? fileName + ":" + lineNumber : fileName;
    }
}
