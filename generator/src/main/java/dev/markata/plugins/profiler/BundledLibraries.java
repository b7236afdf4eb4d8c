package dev.markata.plugins.profiler;

import dev.markata.profiler.Session;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gives library frames back their kind when markata runs from its single runnable jar. The
 * profiler counts the jar of the code that started it as the application's own code; in
 * {@code markata.jar} that jar also holds picocli, commonmark, jinjava, snakeyaml and tomlj, which
 * would then show as the site's own code instead of being grouped as libraries. A frame is made
 * library code again when its class comes from markata's own jar but is not markata's
 * ({@code dev.markata.*}). Run from class folders (tests, IDE) nothing changes.
 */
final class BundledLibraries {

    private static final String OWN_PACKAGE = "dev.markata.";

    private BundledLibraries() {
    }

    static Session reclassify(Session session) {
        URL ownJar = jarOf(BundledLibraries.class);
        if (ownJar == null) {
            return session;
        }
        ClassLoader loader = BundledLibraries.class.getClassLoader();
        Map<String, Boolean> bundled = new HashMap<>();
        List<Frame> frames = new ArrayList<>(session.frames().size());
        boolean changed = false;
        for (Frame frame : session.frames()) {
            if (frame.kind() == FrameKind.APPLICATION && !frame.className().startsWith(OWN_PACKAGE)
                    && bundled.computeIfAbsent(hostClass(frame.className()), name -> isIn(name, ownJar, loader))) {
                frames.add(new Frame(frame.className(), frame.methodName(), frame.fileName(), frame.lineNumber(),
                        FrameKind.LIBRARY));
                changed = true;
            } else {
                frames.add(frame);
            }
        }
        if (!changed) {
            return session;
        }
        return new Session(session.startedAt(), session.duration(), session.interval(), session.cpuTime(),
                session.targetDescription(), session.sampler(), session.asyncMode(), session.timeMode(), frames,
                session.stacks(), session.threads(), session.spans(), session.metadata(), session.jvm());
    }

    /** The jar a class was loaded from, or null for a class folder or unknown source. */
    private static URL jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        URL location = source.getLocation();
        return location.getPath().endsWith(".jar") ? location : null;
    }

    private static boolean isIn(String className, URL jar, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source != null && Objects.equals(source.getLocation(), jar);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Lambda and hidden classes ("Foo$$Lambda/0x..") are looked up by their host class. */
    private static String hostClass(String className) {
        int hidden = className.indexOf("$$");
        String host = hidden > 0 ? className.substring(0, hidden) : className;
        int slash = host.indexOf('/');
        return slash > 0 ? host.substring(0, slash) : host;
    }
}
