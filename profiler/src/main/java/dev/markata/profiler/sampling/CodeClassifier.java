package dev.markata.profiler.sampling;

import dev.markata.profiler.model.FrameKind;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Decides whether a sampled class is the application's own code or library code, from where
 * the class was loaded, not from its name.
 *
 * <p>A class is {@link FrameKind#LIBRARY} when it comes from the JDK (the boot or platform
 * loader, a {@code java.*}/{@code jdk.*} module, no code source) or from a jar that is not one
 * of the application's code locations. It is {@link FrameKind#APPLICATION} when it comes from a
 * class folder (what builds and IDEs run) or from one of the application locations: the jar of
 * the class that started the profiler, the {@code -jar} or main class jar of an agent run, and any the caller
 * named. Results are cached per class name; one instance belongs to one recording and is used
 * by one thread at a time.
 */
final class CodeClassifier {

    private final Set<String> applicationLocations = new HashSet<>();
    private final List<ClassLoader> loaders = new CopyOnWriteArrayList<>();
    private final Map<String, FrameKind> byClass = new HashMap<>();

    CodeClassifier(List<URL> applicationCode) {
        for (URL url : applicationCode) {
            String key = locationKey(url);
            if (key != null) {
                applicationLocations.add(key);
            }
        }
        addLoader(ClassLoader.getSystemClassLoader());
    }

    /** Adds a loader to look classes up in (context loaders of sampled threads). */
    void addLoader(ClassLoader loader) {
        if (loader != null && !loaders.contains(loader)) {
            loaders.add(loader);
        }
    }

    /**
     * The kind of {@code className}.
     *
     * @param classLoaderName the loader's name from a stack trace element ("app", "platform"),
     *                        or null when unknown or the boot loader
     * @param moduleName      the named module, or null
     * @param bootKnown       true when a null {@code classLoaderName} really means the boot loader
     */
    FrameKind classify(String className, String classLoaderName, String moduleName, boolean bootKnown) {
        if (moduleName != null && (moduleName.startsWith("java.") || moduleName.startsWith("jdk."))) {
            return FrameKind.LIBRARY;
        }
        if (bootKnown && (classLoaderName == null || "platform".equals(classLoaderName))) {
            return FrameKind.LIBRARY;
        }
        return byClass.computeIfAbsent(className, this::lookUp);
    }

    private FrameKind lookUp(String className) {
        Class<?> type = find(hostClassName(className));
        if (type == null) {
            return FrameKind.LIBRARY;
        }
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return FrameKind.LIBRARY;
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return FrameKind.LIBRARY;
        }
        String key = locationKey(source.getLocation());
        if (key == null) {
            return FrameKind.LIBRARY;
        }
        if (applicationLocations.contains(key) || Files.isDirectory(Path.of(key))) {
            return FrameKind.APPLICATION;
        }
        return FrameKind.LIBRARY;
    }

    private Class<?> find(String className) {
        for (ClassLoader loader : loaders) {
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError notThere) {
                // try the next loader
            }
        }
        return null;
    }

    /** Lambdas and other hidden classes ("Foo$$Lambda/0x12", "Foo$$Lambda$14/0x..") count as their host. */
    static String hostClassName(String className) {
        int hidden = className.indexOf("$$");
        if (hidden > 0) {
            return className.substring(0, hidden);
        }
        int slash = className.indexOf('/');
        return slash > 0 ? className.substring(0, slash) : className;
    }

    /** A comparable absolute path for a file: code location, or null for other schemes. */
    static String locationKey(URL url) {
        try {
            URI uri = url.toURI();
            if (!"file".equals(uri.getScheme())) {
                return null;
            }
            return Path.of(uri).toAbsolutePath().normalize().toString();
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
