package dev.markata.profiler.agent;

import dev.markata.profiler.Profiler;
import dev.markata.profiler.Session;
import dev.markata.profiler.io.AtomicFiles;
import dev.markata.profiler.render.Reports;
import dev.markata.profiler.render.TextRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

/**
 * The Java agent: {@code java -javaagent:markata-profiler.jar=interval=0.001,output=profile.html -jar app.jar}
 * profiles the whole program (every application thread) and writes the report when the JVM
 * exits: after {@code main} returns, on {@link System#exit}, and after an uncaught exception
 * (the session then records it in its metadata). The report format comes from the output
 * file's name ({@code .html}, {@code .txt}, {@code .json}, {@code .speedscope.json},
 * {@code .collapsed}, {@code .session.json} for the reloadable session). Arguments: see
 * {@link AgentOptions}.
 *
 * <p>A bad argument or a profiler that cannot start is one line on standard error, and the
 * program runs unprofiled: the agent never stops the program it watches.
 */
public final class ProfilerAgent {

    private static final String PREFIX = "markata-profiler: ";

    /**
     * Memory held from the start for the line that says the heap ran out at exit: a program that
     * ends with its heap full leaves none for it (once in ten runs the line was missing, or the
     * JVM said "OutOfMemoryError thrown from the UncaughtExceptionHandler in thread
     * markata-profiler-exit" instead). Let go just before that line is made. It cannot help the
     * JVM's shutdown reach the hook: see {@link #loadWhatTheShutdownLoads}.
     */
    private static volatile byte[] lastWords;

    private ProfilerAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        launchOrSay(arguments, instrumentation, false);
    }

    public static void premain(String arguments) {
        launchOrSay(arguments, null, false);
    }

    /**
     * Attached to a running JVM: profiles from now until it exits. This runs on the JVM's
     * "Attach Listener", which is not profiled; {@code threads=main} means the thread named
     * {@code main}.
     */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        launchOrSay(arguments, instrumentation, true);
    }

    /**
     * {@link #launch}, and whatever it throws is one line: an exception that leaves premain
     * makes the JVM abort before the program runs (under a security manager the first file
     * check was denied, and the program exited 134 without running; so did a heap too small
     * for the agent's start).
     */
    private static void launchOrSay(String arguments, Instrumentation instrumentation, boolean attached) {
        try {
            launch(arguments, instrumentation, System.err, attached);
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            System.err.println(PREFIX + "cannot start: " + describe(e) + "; running without profiling");
        }
    }

    /**
     * Starts profiling and registers the report writing at exit; returns the hook, or null.
     * With {@code instrumentation}, uncaught exceptions are heard of through {@link UncaughtHook},
     * which the program cannot see; without it (or where the JVM refuses), through handlers of
     * the agent's own, which a program's own default handler replaces.
     */
    static Thread launch(String arguments, Instrumentation instrumentation, PrintStream err, boolean attached) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            // jcmd's JVMTI.agent_load takes an unquoted key=value as an option of its own and
            // hands the agent the key alone
            boolean bareKey = attached && arguments != null && AgentOptions.KEYS.contains(arguments.strip());
            err.println(PREFIX + e.getMessage() + (bareKey ? "; with jcmd, quote the arguments: jcmd <pid>"
                    + " JVMTI.agent_load <markata-profiler.jar> '\"output=profile.html,interval=1ms\"'" : "")
                    + "; running without profiling");
            return null;
        }
        if (!attached) {
            shadowed(ManagementFactory.getRuntimeMXBean().getInputArguments()).ifPresent(line -> err.println(PREFIX + line));
        }
        for (Map.Entry<String, Path> file : writtenFiles(options).entrySet()) {
            try {
                checkWritable(file.getValue());
            } catch (IOException e) {
                err.println(PREFIX + file.getKey() + "=" + file.getValue() + " cannot be written (" + describe(e)
                        + "); running without profiling");
                return null;
            }
        }
        String command = System.getProperty("sun.java.command", "").trim();
        if (options.interval().compareTo(Profiler.MIN_INTERVAL) < 0) {
            // the library says so too, but in two lines of the JDK's logging amid the program's output
            err.println(PREFIX + "interval " + BigDecimal.valueOf(options.interval().toNanos(), 3).stripTrailingZeros()
                    .toPlainString() + " us is below " + Profiler.MIN_INTERVAL.toMillis() + " ms, the shortest interval"
                    + " the samplers hold; sampling every " + Profiler.MIN_INTERVAL.toMillis() + " ms");
        }
        Profiler.Builder builder = options.toBuilder(command.isEmpty() ? "java" : command, attached);
        String first = command.isEmpty() ? "" : command.split("\\s+")[0];
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jar") || lower.endsWith(".war")) {
            builder.applicationCode(Path.of(first)); // the -jar file is the application's own code
        } else {
            mainClassJar(first).ifPresent(builder::applicationCode);
        }
        Profiler profiler = builder.build();
        // Everything the agent sets up happens before sampling starts (the handlers, the exit
        // hook and its lambda, whose linking alone took milliseconds): the profile begins with
        // the program, not with the agent. Undone when the profiler cannot start.
        UncaughtRecorder uncaught = new UncaughtRecorder(Thread.getDefaultUncaughtExceptionHandler());
        Runnable unhook = UncaughtHook.install(instrumentation, uncaught::note);
        boolean hooked = unhook != null;
        if (!hooked) {
            Thread.setDefaultUncaughtExceptionHandler(uncaught);
        }
        Thread main = hooked ? null : attached ? threadNamedMain() : Thread.currentThread(); // premain runs on main
        MainThreadRecorder onMain = null;
        if (main != null) {
            onMain = new MainThreadRecorder(uncaught, main.getUncaughtExceptionHandler());
            main.setUncaughtExceptionHandler(onMain);
        }
        // made now: when the heap runs out at exit, there may be no room to make them then
        lastWords = new byte[64 * 1024];
        ExitLines lines = ExitLines.of(options.output());
        Thread hook = new Thread(() -> {
            try {
                if (unhook != null) {
                    unhook.run();
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                // only spares the JVM's noise when the heap is full: the report comes first
            }
            try {
                finish(profiler, options, uncaught, err, lines);
            } catch (OutOfMemoryError e) {
                // not even a line made at the start could be printed: the JVM's own report of this
                // error in the exit hook would need memory too, and tell the user less
            }
        }, "markata-profiler-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        loadWhatTheShutdownLoads(hook);
        Runnable firstNotificationMade = makeTheFirstGcNotification();
        try {
            profiler.start();
            firstNotificationMade.run();
        } catch (RuntimeException e) {
            firstNotificationMade.run();
            Runtime.getRuntime().removeShutdownHook(hook);
            if (Thread.getDefaultUncaughtExceptionHandler() == uncaught) {
                Thread.setDefaultUncaughtExceptionHandler(uncaught.previous);
            }
            if (onMain != null && main.getUncaughtExceptionHandler() == onMain) {
                main.setUncaughtExceptionHandler(onMain.previous);
            }
            err.println(PREFIX + "cannot start: " + e.getMessage() + "; running without profiling");
            return null;
        }
        return hook;
    }

    /**
     * In a JVM that has not collected yet (most, at an agent's start), one collection with a GC
     * listener registered, so that the JDK makes its first GC notification soon after the start:
     * the recording listens for them (what the JVM did, {@link dev.markata.profiler.JvmWatch}), and the first one
     * loads some 40 classes and spins reflection code on the JDK's notification thread. A
     * program that collects for the first time with its heap full (a G1 heap filled with arrays
     * of 64 kB, humongous, has no young collection before) had them loaded then, with this
     * agent's transformer registered: "*** java.lang.instrument ASSERTION FAILED ***" (as below).
     * With the catch types JvmWatch loads, 1 run in 20 of ProfilerAgentTest's full heap still
     * said it without this, none of 20 with it. The collection comes before the recording's zero
     * (not in its pauses). The JDK makes the notification on its own thread, after the agent's
     * start (it waited 200 ms for it in vain), so nothing waits for it here: the listener only
     * has to stay until the recording's is there, which the returned task then removes.
     */
    private static Runnable makeTheFirstGcNotification() {
        List<GarbageCollectorMXBean> beans =
                ManagementFactory.getGarbageCollectorMXBeans();
        long collections = 0;
        for (GarbageCollectorMXBean bean : beans) {
            collections += Math.max(0, bean.getCollectionCount());
        }
        if (collections > 0) {
            return () -> { };
        }
        NotificationListener none = (notification, handback) -> { };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean bean : beans) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(none, null, null);
                emitters.add(emitter);
            }
        }
        System.gc();
        return () -> {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(none);
                } catch (ListenerNotFoundException e) {
                    // not there: nothing to remove
                }
            }
        };
    }

    /**
     * Loads now the classes the JVM's shutdown loads before this agent's hook runs. The JVM
     * hands every class loaded while the agent's transformer is registered ({@link UncaughtHook})
     * to its agent code, which makes the class's name as a Java string first; in a program that
     * ends with its heap full it cannot, prints "*** java.lang.instrument ASSERTION FAILED ***"
     * and the class is not loaded. The shutdown runs the hooks by iterating an
     * {@link IdentityHashMap}'s keys ({@code ApplicationShutdownHooks.runHooks}, JDK 17 to 25),
     * whose iterator classes a program may never have loaded: a program ending with its heap full
     * got five of those lines (12 runs in 12 at a load of 10), and the shutdown's hook loop
     * ended there. Once the agent's hook runs, it removes the transformer first. (Whether any
     * hook can run with a full heap is the collector's matter: see the README.)
     */
    private static void loadWhatTheShutdownLoads(Thread hook) {
        Map<Thread, Thread> hooks = new IdentityHashMap<>();
        hooks.put(hook, hook);
        for (Thread each : hooks.keySet()) {
            if (each != hook) {
                throw new IllegalStateException("an identity map returned a key it was not given");
            }
        }
    }

    /**
     * The lines the exit hook may have to print when the heap ran out, made at the start: a
     * line made from scratch then links a string concatenation the first time it runs (classes
     * and method handles made with the heap full), where these need a {@link StringBuilder} at
     * most.
     *
     * @param ranOut  the start of "cannot write FILE: the Java heap ran out while ..."
     * @param heap    its end, from the heap's size ("; the heap is at most 6 MB); run ...")
     * @param wrote   said when the report was written and the heap ran out saying so
     * @param nothing said when not even the line with the reason can be made
     */
    private record ExitLines(String ranOut, String heap, String wrote, String nothing) {
        static ExitLines of(Path output) {
            return new ExitLines(PREFIX + "cannot write " + output + ": the Java heap ran out while ",
                    "; the heap is at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); run the"
                            + " program with a bigger heap (-Xmx)",
                    PREFIX + "wrote " + output + " (the Java heap ran out before its figures could be said)",
                    PREFIX + "cannot write " + output + ": the Java heap ran out; run the program with a bigger"
                            + " heap (-Xmx)");
        }

        /** "cannot write FILE: the Java heap ran out while DOING (OutOfMemoryError: Java heap space; ...": no concatenation. */
        String ranOut(String doing, OutOfMemoryError e) {
            String message = e.getMessage();
            StringBuilder line = new StringBuilder(ranOut.length() + heap.length() + 96).append(ranOut).append(doing)
                    .append(" (").append(e.getClass() == OutOfMemoryError.class ? "OutOfMemoryError" : e.getClass().getName());
            if (message != null) {
                line.append(": ").append(message);
            }
            return line.append(heap).toString();
        }
    }

    /**
     * What to say when the agent running is not the {@code -javaagent} jar's: the JVM puts that
     * jar at the end of the class path, so a program that bundles the library (markata's own
     * jar, a JMH benchmarks jar built with it) has its copy found first, and that copy's agent
     * runs. A JMH fork given {@code output=fork-%p.html} wrote a file of that name: its
     * benchmarks jar held an agent older than the jar named. Said when the jar named holds an
     * agent class of other bytes than the one running; empty otherwise (the same build, or a
     * jar without the class, as the tests' own).
     *
     * @param jvmArguments the JVM's options, {@code JAVA_TOOL_OPTIONS} included
     */
    static Optional<String> shadowed(List<String> jvmArguments) {
        String entry = ProfilerAgent.class.getName().replace('.', '/') + ".class";
        byte[] running;
        try (InputStream in = ProfilerAgent.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                return Optional.empty();
            }
            running = in.readAllBytes();
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String argument : jvmArguments) {
            if (!argument.startsWith("-javaagent:")) {
                continue;
            }
            String jar = argument.substring("-javaagent:".length()).split("=", 2)[0];
            try (JarFile file = new JarFile(jar)) {
                JarEntry named = file.getJarEntry(entry);
                if (named == null) {
                    continue;
                }
                try (InputStream in = file.getInputStream(named)) {
                    if (Arrays.equals(in.readAllBytes(), running)) {
                        return Optional.empty();
                    }
                }
                CodeSource source = ProfilerAgent.class.getProtectionDomain().getCodeSource();
                return Optional.of("the program's own copy of the profiler (" + (source == null ? "on the class path"
                        : source.getLocation().getPath()) + ") comes first on the class path and runs instead of "
                        + jar + ", a different build (rebuild the program with this one, or give its copy as the agent)");
            } catch (IOException | SecurityException e) {
                // not a jar this can read: nothing to compare
            }
        }
        return Optional.empty();
    }

    /** The files the agent writes at exit, by their argument: the report, and a JFR copy when asked for. */
    private static Map<String, Path> writtenFiles(AgentOptions options) {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("output", options.output());
        if (options.jfr() != null) {
            files.put("jfr", options.jfr());
        }
        return files;
    }

    /**
     * Fails when the report could not be written at exit: found now, not after the whole run.
     * Creates the missing folders (the report would) and a temporary file beside the report,
     * which is deleted again.
     */
    static void checkWritable(Path output) throws IOException {
        if (Files.isDirectory(output)) {
            throw new IOException("it is a folder");
        }
        Path folder = output.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        Path probe;
        try {
            probe = AtomicFiles.temporarySibling(output);
        } catch (FileSystemException e) { // names the probe's made-up file: say the folder
            throw new IOException("no file can be made in " + folder + ": " + e.getClass().getSimpleName()
                    + (e.getReason() == null ? "" : ", " + e.getReason()), e);
        }
        Files.delete(probe);
    }

    /** {@code AccessDeniedException: /srv/report.html}: an I/O error's kind and its file. */
    private static String describe(Throwable e) {
        if (e.getClass() == IOException.class && e.getMessage() != null) {
            return e.getMessage(); // ours, which says it all
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * The jar the main class of {@code java -cp app.jar:lib.jar app.Main} (or of
     * {@code -m module/app.Main}) comes from: the application's own code, as a {@code -jar} is.
     * Found as a resource, so the class is not loaded (nor initialized) before {@code main}.
     * Empty for a class folder (application code anyway) or a class that is not found.
     */
    static Optional<Path> mainClassJar(String mainClass) {
        String name = mainClass.substring(mainClass.indexOf('/') + 1);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        URL resource = ClassLoader.getSystemClassLoader().getResource(name.replace('.', '/') + ".class");
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            return Optional.empty();
        }
        String path = resource.getPath(); // file:/home/me/app.jar!/app/Main.class
        int bang = path.indexOf("!/");
        try {
            URI jar = new URI(bang < 0 ? path : path.substring(0, bang));
            return "file".equals(jar.getScheme()) ? Optional.of(Path.of(jar)) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the profiler and writes the report, at exit. Whatever goes wrong is one line: the
     * JVM's "Exception in thread" and a stack trace of the profiler's code told a user nothing
     * (a program ending with its heap all but full, {@code -Xmx6m}, ran the hook out of memory
     * reading the recording).
     *
     * @param lines what to print when the heap runs out, made at the start
     */
    private static void finish(Profiler profiler, AgentOptions options, UncaughtRecorder uncaught, PrintStream err,
                               ExitLines lines) {
        Path output = options.output();
        // lastSession() first: it waits for a start in progress (the profiler's monitor), so an
        // exit while async-profiler's first start takes its 50-170 ms (a SIGTERM or Ctrl-C as the
        // program starts) finds the profiler running. Asked the other way round, the hook saw no
        // profiler yet, returned, and the program ended without a report or a word.
        if (profiler.lastSession().isEmpty() && !profiler.isRunning()) {
            err.println(PREFIX + "no report: the JVM began to exit before profiling started");
            return;
        }
        String doing = "reading the recording";
        boolean written = false;
        try {
            Session session = profiler.stop();
            doing = "writing the report";
            if (options.interval().compareTo(Profiler.MIN_INTERVAL) < 0) { // the builder had the floor
                session = session.withMetadata("interval.requested", options.interval().toNanos() + "ns");
            }
            if (uncaught.first != null) {
                session = session.withMetadata("outcome", "failed")
                        .withMetadata("uncaught_exception", uncaught.first);
            }
            Reports reports = Reports.of(session); // one call tree for the report and the printed tree
            AgentOutput.write(reports, options);
            written = true;
            if (options.print() == AgentOptions.Print.TREE) {
                err.println(AgentOutput.screenTree(reports, options));
            }
            if (options.print() != AgentOptions.Print.NONE) {
                // the time as the reports say it: 312.4 ms, 1.234 s
                // and the GC pauses, when the JVM stopped the program for some: time no method took
                int pauses = session.jvm().gcPauses().size();
                String gc = pauses == 0 ? "" : ", " + pauses + " GC pause" + (pauses == 1 ? " " : "s ")
                        + TextRenderer.readableDuration(session.jvm().pauseNanos());
                err.println(PREFIX + "wrote " + output + " (" + session.sampleCount() + " samples, "
                        + TextRenderer.readableDuration(session.duration().toNanos()) + gc + ", sampler "
                        + session.sampler().name() + ")");
            }
            String stopped = session.metadata().get("sampling.stopped"); // "at 463.0 ms: OutOfMemoryError: ..."
            if (stopped != null) {
                int colon = stopped.indexOf(": ");
                String why = stopped.substring(colon + 2);
                err.println(PREFIX + "sampling stopped " + stopped.substring(0, colon) + " of "
                        + TextRenderer.readableDuration(session.duration().toNanos()) + ": the sampler "
                        + (why.startsWith("OutOfMemoryError") ? "ran out of memory" : "failed") + " (" + why
                        + "); the report holds what was recorded until then");
            }
            String jfrError = session.metadata().get("jfr.error");
            if (jfrError != null) { // logged too, but the JVM's logging is shutting down by now
                err.println(PREFIX + jfrError);
            }
            if (options.jfr() != null && !session.sampler().name().equals("async-profiler")) {
                err.println(PREFIX + "no JFR file at " + options.jfr() + ": the " + session.sampler().name()
                        + " sampler ran, and only async-profiler records one");
            }
        } catch (OutOfMemoryError e) {
            lastWords = null; // what the hook allocated is garbage now too
            try {
                err.println(written ? lines.wrote() : lines.ranOut(doing, e));
            } catch (OutOfMemoryError again) {
                err.println(written ? lines.wrote() : lines.nothing());
            }
        } catch (Exception | LinkageError e) {
            err.println(PREFIX + "cannot write " + output + ": " + describe(e));
        }
    }

    /** The live thread named {@code main} (the program's, for an agent attached later), or null. */
    private static Thread threadNamedMain() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (threads[i].getName().equals("main") && !threads[i].isDaemon()) {
                return threads[i];
            }
        }
        return null;
    }

    /** Notes the first uncaught exception, then reports it as the JVM would have. */
    private static final class UncaughtRecorder implements Thread.UncaughtExceptionHandler {
        private final Thread.UncaughtExceptionHandler previous;
        private volatile String first;

        UncaughtRecorder(Thread.UncaughtExceptionHandler previous) {
            this.previous = previous;
        }

        void note(Thread thread, Throwable error) {
            if (first == null) {
                String name = thread.getName();
                // virtual threads have no name unless given one: the JVM's description then
                first = error.getClass().getName() + (name.isEmpty() ? " in an unnamed thread (" + thread + ")"
                        : " in thread " + name);
            }
        }

        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            note(thread, error);
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                error.printStackTrace(System.err);
            }
        }
    }

    /**
     * The main thread's own handler. The JVM asks a thread's own handler before the default
     * one, so an exception that ends main is noted even when the program later replaces the
     * default handler (a logging framework, a server): the agent's default handler alone was
     * then never called, and the report said the program had ended normally. It then hands the
     * exception on exactly as the JVM would without it: to main's handler from before, else to
     * main's thread group, which calls whatever default handler is installed by then (or prints
     * the JVM's "Exception in thread" report).
     */
    private static final class MainThreadRecorder implements Thread.UncaughtExceptionHandler {
        private final UncaughtRecorder recorder;
        private final Thread.UncaughtExceptionHandler previous;

        MainThreadRecorder(UncaughtRecorder recorder, Thread.UncaughtExceptionHandler previous) {
            this.recorder = recorder;
            // a thread without a handler of its own answers with its thread group
            this.previous = previous instanceof ThreadGroup ? null : previous;
        }

        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            recorder.note(thread, error);
            if (previous != null) {
                previous.uncaughtException(thread, error);
                return;
            }
            ThreadGroup group = thread.getThreadGroup();
            if (group != null) {
                group.uncaughtException(thread, error);
            } else {
                recorder.uncaughtException(thread, error);
            }
        }
    }
}
