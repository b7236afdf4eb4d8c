package dev.markata.profiler.sampling;

import dev.markata.profiler.model.FrameKind;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>A program whose main class is in one of the JDK's modules is a JDK tool (javac's main class
 * is {@code jdk.compiler/com.sun.tools.javac.Main}, jshell's and jar's are in {@code jdk.jshell}
 * and {@code jdk.jartool}): that module is its own code, {@link FrameKind#APPLICATION}, and the
 * rest of the JDK stays library code. Until session 13 every frame of a javac profile was
 * library code, and its tree was {@code Main.main} above one "244 frames hidden" row.
 */
final class CodeClassifier {

    private final Set<String> applicationLocations = new HashSet<>();
    private final List<ClassLoader> loaders = new CopyOnWriteArrayList<>();
    private final Map<String, FrameKind> byClass = new HashMap<>();
    /** Classes no loader knew, with the {@link #loadersAdded} count then: asked again after a new loader. */
    private final Map<String, Integer> notFound = new HashMap<>();
    private volatile int loadersAdded;
    /** The JDK module the program's main class is in (a JDK tool's), or null. */
    private final String programModule;

    CodeClassifier(List<URL> applicationCode) {
        this(applicationCode, System.getProperty("sun.java.command", ""));
    }

    /**
     * @param command the program's command line as the JVM has it ({@code sun.java.command}:
     *                the main class, {@code module/class} or the {@code -jar} file, then its
     *                arguments)
     */
    CodeClassifier(List<URL> applicationCode, String command) {
        this.programModule = jdkModuleOfMainClass(command);
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
        if (moduleName != null && moduleName.equals(programModule)) {
            return FrameKind.APPLICATION;
        }
        if (moduleName != null && isJdkModule(moduleName)) {
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
        if (programModule != null && programModule.equals(type.getModule().getName())) {
            return FrameKind.APPLICATION;
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
            // a class folder inside an application jar: Spring Boot's BOOT-INF/classes
            String holder = jarHoldingClassFolder(source.getLocation().toString());
            return holder != null && applicationLocations.contains(holder) ? FrameKind.APPLICATION : FrameKind.LIBRARY;
        }
        if (applicationLocations.contains(key) || Files.isDirectory(Path.of(key))) {
            return FrameKind.APPLICATION;
        }
        return FrameKind.LIBRARY;
    }

    private static boolean isJdkModule(String moduleName) {
        return moduleName.startsWith("java.") || moduleName.startsWith("jdk.");
    }

    /**
     * The module of the main class {@code command} names when it is one of the JDK's, or null:
     * {@code jdk.compiler} for {@code jdk.compiler/com.sun.tools.javac.Main ...} (how the JDK's
     * launchers and {@code java -m} name it) and for {@code com.sun.tools.javac.Main ...} (found
     * as a resource of the runtime image, so nothing is loaded). A {@code -jar} file, a class of
     * the class path and an empty command are no JDK tool.
     */
    static String jdkModuleOfMainClass(String command) {
        String first = command == null ? "" : command.strip().split("\\s+")[0];
        if (first.isEmpty() || first.endsWith(".jar") || first.endsWith(".war")) {
            return null;
        }
        int slash = first.indexOf('/');
        String module = null;
        if (slash > 0) {
            module = first.substring(0, slash);
        } else {
            URL resource = ClassLoader.getSystemClassLoader().getResource(first.replace('.', '/') + ".class");
            if (resource != null && "jrt".equals(resource.getProtocol())) {
                String path = resource.getPath(); // /jdk.compiler/com/sun/tools/javac/Main.class
                int end = path.indexOf('/', 1);
                module = end > 1 ? path.substring(1, end) : null;
            }
        }
        return module != null && isJdkModule(module) ? module : null;
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
        if (inner.isEmpty() || inner.toLowerCase(Locale.ROOT).endsWith(".jar")) {
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
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }
}
