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
    /** Classes no loader knew, with the {@link #loadersAdded} count then: asked again after a new loader. */
    private final Map<String, Integer> notFound = new HashMap<>();
    private volatile int loadersAdded;

    CodeClassifier(List<URL> applicationCode) {
        for (URL url : applicationCode) {
            String key = locationKey(url);
            if (key != null) {
                applicationLocations.add(key);
            }
        }
        addLoader(ClassLoader.getSystemClassLoader());
    }

    /**
     * Adds a loader to look classes up in (context loaders of sampled threads). A class no
     * loader knew is looked up again after one is added: a launcher (Spring Boot's) makes the
     * application's class loader only once it runs.
     */
    void addLoader(ClassLoader loader) {
        if (loader != null && !loaders.contains(loader)) {
            loaders.add(loader);
            loadersAdded++;
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
        FrameKind kind = byClass.get(className);
        if (kind == null || (kind == FrameKind.LIBRARY && notFound.getOrDefault(className, loadersAdded) != loadersAdded)) {
            kind = lookUp(className);
            byClass.put(className, kind);
        }
        return kind;
    }

    private FrameKind lookUp(String className) {
        Class<?> type = find(hostClassName(className));
        if (type == null) {
            notFound.put(className, loadersAdded);
            return FrameKind.LIBRARY;
        }
        notFound.remove(className);
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
            // a class folder inside an application jar: Spring Boot's BOOT-INF/classes
            String holder = jarHoldingClassFolder(source.getLocation().toString());
            return holder != null && applicationLocations.contains(holder) ? FrameKind.APPLICATION : FrameKind.LIBRARY;
        }
        if (applicationLocations.contains(key) || Files.isDirectory(Path.of(key))) {
            return FrameKind.APPLICATION;
        }
        return FrameKind.LIBRARY;
    }

    /**
     * The jar (or war) holding the class folder a {@code jar:} location names, as a comparable
     * path: {@code /srv/app.jar} for Spring Boot's {@code jar:file:/srv/app.jar!/BOOT-INF/classes!/}
     * (before 3.2) and {@code jar:nested:/srv/app.jar/!BOOT-INF/classes/!/} (3.2 on). Null for a
     * jar nested in it ({@code BOOT-INF/lib/x.jar}: a library), a plain jar and anything else.
     */
    static String jarHoldingClassFolder(String location) {
        String rest;
        if (location.startsWith("jar:file:")) {
            rest = location.substring("jar:file:".length());
        } else if (location.startsWith("jar:nested:")) {
            rest = location.substring("jar:nested:".length());
        } else {
            return null;
        }
        int bang = rest.indexOf('!');
        if (bang < 0) {
            return null;
        }
        String inner = rest.substring(bang + 1).replace("!", "");
        while (inner.startsWith("/")) {
            inner = inner.substring(1);
        }
        while (inner.endsWith("/")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        if (inner.isEmpty() || inner.toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
            return null; // the jar itself, or a library jar nested in it
        }
        String outer = rest.substring(0, bang);
        while (outer.endsWith("/")) {
            outer = outer.substring(0, outer.length() - 1);
        }
        try {
            return Path.of(URI.create("file:" + outer)).toAbsolutePath().normalize().toString(); // %20 stays a space
        } catch (IllegalArgumentException e) {
            return null;
        }
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
