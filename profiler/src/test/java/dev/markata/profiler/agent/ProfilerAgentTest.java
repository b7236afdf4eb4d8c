package dev.markata.profiler.agent;

import dev.markata.profiler.Session;
import dev.markata.profiler.Workloads;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import example.app.AgentTarget;
import example.otheragent.ExitDuringStart;
import example.otheragent.ThreadRetransformer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The agent in a real child JVM: its arguments, its exit paths and its report file. */
class ProfilerAgentTest {

    @TempDir
    static Path dir;
    private static Path agentJar;

    /** A manifest-only agent jar, the real one's entries; the classes come from the test class path. */
    @BeforeAll
    static void makeAgentJar() throws IOException {
        agentJar = agentJar(dir.resolve("agent.jar"), ProfilerAgent.class, Map.of());
    }

    /** An agent jar whose agent is {@code agent}, with the real jar's manifest entries and {@code entries}. */
    private static Path agentJar(Path file, Class<?> agent, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", agent.getName());
        manifest.getMainAttributes().putValue("Agent-Class", agent.getName());
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true"); // as the real jar's
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }

    /** A jar of another agent, {@code agent}, a class of the tests' own that needs no other. */
    private static Path otherAgentJar(Class<?> agent) throws IOException {
        Map.Entry<String, byte[]> own = classFile(agent);
        return agentJar(dir.resolve(agent.getSimpleName() + ".jar"), agent, Map.of(own.getKey(), own.getValue()));
    }

    /** The class file of {@code type} and its name in a jar. */
    private static Map.Entry<String, byte[]> classFile(Class<?> type) throws IOException {
        String entry = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
            return Map.entry(entry, in.readAllBytes());
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(String agentArguments, String mode) throws Exception {
        return run(agentArguments, mode, System.getProperty("java.class.path"));
    }

    private static Run run(String agentArguments, String mode, String classPath, String... jvmOptions) throws Exception {
        return run(agentArguments, mode, classPath, List.of(), jvmOptions);
    }

    /** @param afterAgent JVM options after the agent's: other agents there start after it */
    private static Run run(String agentArguments, String mode, String classPath, List<String> afterAgent,
                           String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        if (mode.equals("attach")) { // the target loads the agent itself, once running
            command.add("-Djdk.attach.allowAttachSelf=true");
            command.add("-Dagent.jar=" + agentJar);
            command.add("-Dagent.arguments=" + agentArguments);
        } else {
            command.add("-javaagent:" + agentJar + (agentArguments == null ? "" : "=" + agentArguments));
        }
        command.addAll(afterAgent);
        command.add("-cp");
        command.add(classPath);
        command.add(AgentTarget.class.getName());
        command.add(mode);
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /**
     * {@link #run(String, String)} with async-profiler's native library allowed, as the README
     * tells users of JDK 24 and later: without it, the JVM's four lines of warning about it come
     * before anything the agent says.
     */
    private static Run runQuietly(String agentArguments, String mode) throws Exception {
        return run(agentArguments, mode, System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED");
    }

    private static ThreadProfile thread(Session session, String name) {
        return session.threads().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void profilesTheWholeProgramAndWritesTheReportWhenMainReturns() throws Exception {
        Path output = dir.resolve("normal.session.json");
        Run run = run("interval=0.001,output=" + output, "return");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("target ran");
        assertThat(run.stderr()).contains("markata-profiler: wrote " + output);
        Session session = Session.load(output);
        assertThat(session.threads()).extracting(ThreadProfile::name).contains("main", "helper");
        assertThat(session.targetDescription()).contains(AgentTarget.class.getName());
        assertThat(session.duration().toMillis()).isGreaterThanOrEqualTo(300);
        assertThat(session.metadata()).doesNotContainKey("outcome");
    }

    /**
     * The agent's own start (its options, the output check, the exit hook, its first lambda's
     * linking: 2-24 ms) ran after sampling began, so every agent profile began with
     * {@code InstrumentationImpl.loadClassAndCallPremain} and the JDK code the agent called
     * (method-handle linking, class spinning) before the program's first frame.
     */
    @Test
    void theProfileBeginsWithTheProgramNotWithTheAgentsStart() throws Exception {
        Path output = dir.resolve("start.session.json");
        Run run = run("output=" + output, "return");
        assertThat(run.exitCode()).isZero();
        Session session = Session.load(output);
        ThreadProfile main = thread(session, "main");
        assertThat(main.samples()).isNotEmpty().allSatisfy(sample -> {
            for (int s = sample.stackId(); s != StackTable.EMPTY; s = session.stacks().parentId(s)) {
                Frame frame = session.frames().get(session.stacks().frameId(s));
                assertThat(frame.className()).as("a frame of main's sample at %d ns", sample.startNanos())
                        .doesNotStartWith("sun.instrument.").doesNotStartWith("dev.markata.profiler.agent.");
            }
        });
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("wrote");
    }

    @Test
    void writesTheReportOnSystemExit() throws Exception {
        Path output = dir.resolve("exit.session.json");
        Run run = run("output=" + output, "exit");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(Session.load(output).sampleCount()).isPositive();
    }

    @Test
    void writesTheReportAfterAnUncaughtExceptionAndKeepsTheJvmsReport() throws Exception {
        Path output = dir.resolve("throw.session.json");
        Run run = run("output=" + output, "throw");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("Exception in thread \"main\" java.lang.IllegalStateException: boom");
        Session session = Session.load(output);
        assertThat(session.metadata()).containsEntry("outcome", "failed")
                .containsEntry("uncaught_exception", "java.lang.IllegalStateException in thread main");
    }

    /**
     * A program that installs its own default handler after the agent (a logging framework, a
     * server) replaced the agent's: when main then died of an exception, the report said the
     * program had ended normally (no {@code outcome}), though it exited 1 with the program's
     * own handler's message.
     */
    @Test
    void anExceptionThatEndsMainIsRecordedWhenTheProgramInstalledItsOwnHandler() throws Exception {
        Path output = dir.resolve("own-handler.session.json");
        Run run = run("output=" + output, "own-handler-throw");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("app handler: java.lang.IllegalStateException: boom in main")
                .doesNotContain("Exception in thread"); // the program's handler has the last word, as without the agent
        Session session = Session.load(output);
        assertThat(session.metadata()).containsEntry("outcome", "failed")
                .containsEntry("uncaught_exception", "java.lang.IllegalStateException in thread main");
    }

    /**
     * A program with its own default handler (a server logging every thread's crash) whose
     * worker thread died of an exception, main ending normally: the report said nothing of
     * it (no {@code outcome}), since the program's handler replaced the agent's and took the
     * exception. The program must see what it would without the agent: no default handler at
     * its start, its own one afterwards, main's handler its thread group; its handler runs.
     */
    @Test
    void anExceptionThatEndsAnotherThreadIsRecordedWhenTheProgramsOwnHandlerTakesIt() throws Exception {
        Path output = dir.resolve("worker-own-handler.session.json");
        Run run = run("output=" + output, "worker-throw-own-handler");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("default handler at start: null")
                .contains("handler is the program's own: true, main's handler is its group: true");
        assertThat(run.stderr()).contains("app handler: java.lang.IllegalArgumentException: worker failed in worker")
                .doesNotContain("Exception in thread");
        // a class of the agent's on the boot class path turned class-data sharing off, with a warning
        assertThat(run.stdout() + run.stderr()).doesNotContain("VM warning");
        Session session = Session.load(output);
        assertThat(session.metadata()).containsEntry("outcome", "failed")
                .containsEntry("uncaught_exception", "java.lang.IllegalArgumentException in thread worker");
    }

    /**
     * Two agents in one JVM ({@code -javaagent:...=output=p.html -javaagent:...=output=p.txt},
     * to have both formats): the second one's patch took the exceptions for itself, and the
     * first report said the program had ended normally.
     */
    @Test
    void twoAgentsInOneJvmBothRecordTheException() throws Exception {
        Path first = dir.resolve("first-of-two.session.json");
        Path second = dir.resolve("second-of-two.session.json");
        Run run = run("output=" + second, "worker-throw-own-handler", System.getProperty("java.class.path"),
                "-javaagent:" + agentJar + "=output=" + first);
        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).contains("wrote " + first).contains("wrote " + second);
        for (Path output : List.of(first, second)) {
            assertThat(Session.load(output).metadata()).as(output.toString()).containsEntry("outcome", "failed")
                    .containsEntry("uncaught_exception", "java.lang.IllegalArgumentException in thread worker");
        }
    }

    /**
     * Another agent started after this one retransforms {@code java.lang.Thread} (an APM agent,
     * BlockHound): a retransformation starts again from the JDK's class file, and the patch,
     * applied by a transformer removed once it had run, was gone: the worker's exception was
     * in neither report. Also with this agent started after the other one, and twice.
     */
    @Test
    void anotherAgentRetransformingThreadKeepsTheExceptionInTheReport() throws Exception {
        Path other = otherAgentJar(ThreadRetransformer.class);
        String classPath = System.getProperty("java.class.path");
        Path output = dir.resolve("other-agent-after.session.json");
        Run after = run("output=" + output, "worker-throw-own-handler", classPath, List.of("-javaagent:" + other));
        assertThat(after.stderr()).contains("other agent: retransformed java.lang.Thread")
                .contains("app handler: java.lang.IllegalArgumentException: worker failed in worker");
        assertThat(after.exitCode()).isZero();
        assertThat(Session.load(output).metadata()).containsEntry("outcome", "failed")
                .containsEntry("uncaught_exception", "java.lang.IllegalArgumentException in thread worker");

        Path first = dir.resolve("other-agent-first.session.json");
        Path second = dir.resolve("other-agent-second.session.json");
        Run around = run("output=" + second, "worker-throw-own-handler", classPath, List.of("-javaagent:" + other),
                "-javaagent:" + other, "-javaagent:" + agentJar + "=output=" + first);
        assertThat(around.stderr()).contains("wrote " + first).contains("wrote " + second)
                .containsOnlyOnce("app handler: java.lang.IllegalArgumentException: worker failed in worker");
        for (Path report : List.of(first, second)) {
            assertThat(Session.load(report).metadata()).as(report.toString()).containsEntry("outcome", "failed")
                    .containsEntry("uncaught_exception", "java.lang.IllegalArgumentException in thread worker");
        }
    }

    /**
     * The JVM ended (a SIGTERM, Ctrl-C, another agent's {@code System.exit}) while the profiler
     * was starting, async-profiler's first start taking 50-170 ms before the program runs: the
     * exit hook found no profiler running yet and returned, and the profiler started after it,
     * sampling a JVM on its way out. No report and not a word; 3 runs of 24 SIGTERMs sent in a
     * program's first 0.25 s. The hook now waits for the start and writes what was recorded.
     */
    @Test
    void anExitWhileTheProfilerStartsStillWritesTheReport() throws Exception {
        Path other = otherAgentJar(ExitDuringStart.class);
        Path output = dir.resolve("exit-during-start.session.json");
        Run run = run("output=" + output, "return", System.getProperty("java.class.path"), "-javaagent:" + other);
        assertThat(run.stderr()).contains("other agent: exit hook runs: true");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).contains("markata-profiler: wrote " + output);
        assertThat(Session.load(output).threads()).isNotNull();
    }

    /**
     * An agent run could not say which code is the application's: a program whose work is in
     * library jars (Maven) had its tree folded under one "frames hidden" row, whatever the
     * report format. {@code show} opens classes as application code, {@code hide} folds them
     * (the pyinstrument JSON says which each frame is).
     */
    @Test
    void showAndHidePatternsDecideWhichCodeTheReportOpens() throws Exception {
        Path plain = dir.resolve("patterns-none.json");
        Path patterns = dir.resolve("patterns.json");
        assertThat(run("output=" + plain, "return").exitCode()).isZero();
        assertThat(run("output=" + patterns + ",show=java.lang.Thread,hide=example.app.*", "return").exitCode())
                .isZero();

        assertThat(applicationCode(plain, "java.lang.Thread", "run")).containsOnly(false);
        assertThat(applicationCode(plain, AgentTarget.class.getName(), "busy")).containsOnly(true);
        assertThat(applicationCode(patterns, "java.lang.Thread", "run")).containsOnly(true);
        assertThat(applicationCode(patterns, AgentTarget.class.getName(), "busy")).containsOnly(false);
    }

    /** {@code is_application_code} of every frame of {@code className.method} in a pyinstrument JSON report. */
    private static List<Boolean> applicationCode(Path json, String className, String method) throws IOException {
        java.util.regex.Matcher frames = java.util.regex.Pattern.compile("\"function\":\"" + method
                + "\",\"class_name\":\"" + java.util.regex.Pattern.quote(className)
                + "\"[^{}]*\"is_application_code\":(true|false)").matcher(Files.readString(json));
        List<Boolean> kinds = new ArrayList<>();
        while (frames.find()) {
            kinds.add(Boolean.parseBoolean(frames.group(1)));
        }
        assertThat(kinds).as("frames of %s.%s in %s", className, method, json).isNotEmpty();
        return kinds;
    }

    /**
     * A program's own signal handler (a server's graceful stop) runs on the JVM's
     * "SIGHUP handler" thread, which belongs to the system thread group: it was left out as a
     * JVM service thread, so the 200 ms the handler spent were not in the report at all.
     */
    @Test
    void theProgramsOwnSignalHandlerIsProfiled() throws Exception {
        Path output = dir.resolve("signal.session.json");
        Run run = run("output=" + output, "signal-handler");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("signal handled");
        Session session = Session.load(output);
        ThreadProfile handler = thread(session, "SIGHUP handler");
        assertThat(handler.samples()).anyMatch(sample -> Workloads.stackContains(session, sample.stackId(),
                AgentTarget.class, "busy"));
    }

    /**
     * A thread without a name (every virtual thread not given one) that died of an exception:
     * the report said "java.lang.IllegalStateException in thread ", as if cut short.
     */
    @Test
    void anUnnamedThreadsExceptionSaysWhichThread() throws Exception {
        Path output = dir.resolve("unnamed.session.json");
        Run run = run("output=" + output, "unnamed-throw");
        assertThat(run.exitCode()).isZero();
        Session session = Session.load(output);
        assertThat(session.metadata().get("uncaught_exception"))
                .matches("java\\.lang\\.IllegalStateException in an unnamed thread \\(Thread\\[.+\\]\\)");
    }

    /**
     * A program that bundles the library (markata's jar, a JMH benchmarks jar) has its copy found
     * before the {@code -javaagent} jar, which the JVM appends to the class path: that copy's agent
     * runs. A JMH fork given {@code output=fork-%p.html} wrote a file of that very name, with no
     * word that the agent named was not the one running. Said when the two differ; not when the
     * jar holds the same class, nor when it holds none (the manifest-only jar of these tests).
     */
    @Test
    void anAgentJarShadowedByTheProgramsOwnCopySaysSo() throws Exception {
        Map.Entry<String, byte[]> running = classFile(ProfilerAgent.class);
        Path same = agentJar(dir.resolve("same-build.jar"), ProfilerAgent.class,
                Map.of(running.getKey(), running.getValue()));
        byte[] otherBuild = Arrays.copyOf(running.getValue(), running.getValue().length + 1); // other bytes
        Path other = agentJar(dir.resolve("other-build.jar"), ProfilerAgent.class, Map.of(running.getKey(), otherBuild));
        assertThat(ProfilerAgent.shadowed(List.of("-Xmx1g", "-javaagent:" + same + "=output=p.html"))).isEmpty();
        assertThat(ProfilerAgent.shadowed(List.of("-javaagent:" + agentJar))).isEmpty();
        assertThat(ProfilerAgent.shadowed(List.of("-javaagent:" + dir.resolve("missing.jar")))).isEmpty();
        String where = ProfilerAgent.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(ProfilerAgent.shadowed(List.of("-javaagent:" + agentJar, "-javaagent:" + other + "=output=fork-%p.html")))
                .contains("the program's own copy of the profiler (" + where + ") comes first on the class path and runs"
                        + " instead of " + other + ", a different build (rebuild the program with this one, or give its"
                        + " copy as the agent)");
    }

    /**
     * A program that installs its own {@code java.util.logging} manager when it starts (WildFly
     * and JBoss do, by setting {@code java.util.logging.manager} in their main): the agent's start
     * had initialized the JDK's logging already (the library's loggers were made when its classes
     * loaded), so the program got the JDK's LogManager and not its own, and a WildFly server
     * refuses to start so.
     */
    @Test
    void theProgramsOwnLogManagerIsInstalled() throws Exception {
        Path output = dir.resolve("log-manager.session.json");
        Run run = run("output=" + output, "own-log-manager");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("log manager: " + AgentTarget.OwnLogManager.class.getName());
        assertThat(run.stderr()).contains("wrote " + output);
    }

    /**
     * {@code interval=100us}: the library's warning that it samples at its 1 ms floor came as
     * two lines of the JDK's logging (a date and the logger's class, then the text), amid the
     * program's output and without the agent's prefix. It is one line of the agent's, and the
     * report still says what was asked for.
     */
    @Test
    void anIntervalBelowTheFloorIsOneLineAndTheReportSaysWhatWasAsked() throws Exception {
        Path output = dir.resolve("below-floor.session.json");
        Run run = run("interval=100us,output=" + output, "return");
        assertThat(run.exitCode()).isZero();
        // the agent's lines only (JDK 24+ adds its own warnings about native access)
        assertThat(run.stderr().lines().filter(line -> line.startsWith("markata-profiler: ")).toList()).hasSize(2)
                .first().isEqualTo("markata-profiler: interval 100 us is below 1 ms, the shortest interval the samplers"
                        + " hold; sampling every 1 ms");
        assertThat(run.stderr()).doesNotContain("sampling interval").doesNotContain("Recording <init>");
        Session session = Session.load(output);
        assertThat(session.interval()).isEqualTo(java.time.Duration.ofMillis(1));
        assertThat(session.metadata()).containsEntry("interval.requested", "100000ns");
    }

    /**
     * {@code jcmd <pid> JVMTI.agent_load markata-profiler.jar output=p.html} hands the agent
     * "output" alone (jcmd takes {@code key=value} as an option of its own): the agent said
     * "agent argument 'output' is not key=value" to a user who had typed key=value. Attached,
     * the line says how to quote it.
     */
    @Test
    void attachedWithABareKeyTheLineSaysHowJcmdWantsItQuoted() throws Exception {
        Run run = run("output", "attach");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("target ran");
        assertThat(run.stderr()).contains("markata-profiler: agent argument 'output' is not key=value")
                .contains("with jcmd, quote the arguments: jcmd <pid> JVMTI.agent_load <markata-profiler.jar> "
                        + "'\"output=profile.html,interval=1ms\"'");
    }

    /**
     * A program run under a security manager (JDK 17-23, {@code -Djava.security.manager}):
     * the agent's first file check was denied, the exception left premain, and the JVM
     * aborted ("processing of -javaagent failed", exit 134) before the program ran. The agent
     * never stops the program: one line, and it runs unprofiled.
     */
    @Test
    void underASecurityManagerTheProgramRunsUnprofiled() throws Exception {
        assumeTrue(Runtime.version().feature() < 24, "JDK 24 and later cannot enable a security manager");
        Run run = run("output=" + dir.resolve("denied.txt"), "return", System.getProperty("java.class.path"),
                "-Djava.security.manager");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("target ran");
        assertThat(run.stderr()).contains("markata-profiler: cannot start: ")
                .contains("; running without profiling").doesNotContain("Exception in thread");
    }

    @Test
    void aBadArgumentIsOneLineAndTheProgramStillRuns() throws Exception {
        Run run = run("interval=often", "return");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("target ran");
        assertThat(run.stderr().strip()).isEqualTo("markata-profiler: interval=often: 'often' is not a number (give"
                + " seconds like 0.001, or a number with s, ms or us like 1ms or 500us; more than 0 and at most 10 s);"
                + " running without profiling");
    }

    /** A time as the reports say it: {@code 312.4 ms} under a second, {@code 1.234 s} from one up. */
    private static final String TIME = "(?:\\d+\\.\\d ms|\\d+\\.\\d{3} s)";
    /** The agent's line at exit: the report, its samples, its time with the reports' unit, the sampler. */
    private static final java.util.regex.Pattern WROTE = java.util.regex.Pattern.compile(
            "markata-profiler: wrote (.+) \\((\\d+) samples, (" + TIME + ")(, (\\d+) GC pauses? " + TIME + ")?, sampler"
                    + " [a-z-]+\\)");

    /**
     * The line at exit said {@code 0.312 s} for a 300 ms program, where its reports (the text
     * tree's header, the HTML page) say {@code 312.0 ms}: times under a second are milliseconds.
     */
    @Test
    void byDefaultTheAgentSaysOneLineWithTheTimeInTheReportsUnit() throws Exception {
        Path output = dir.resolve("line.session.json");
        Run run = runQuietly("output=" + output, "return");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("target ran" + System.lineSeparator());
        assertThat(run.stderr().lines().toList()).singleElement().satisfies(line -> {
            java.util.regex.Matcher wrote = WROTE.matcher(line);
            assertThat(wrote.matches()).as(line).isTrue();
            assertThat(wrote.group(1)).isEqualTo(output.toString());
            assertThat(wrote.group(3)).as("a 0.3 s run").endsWith(" ms");
        });
    }

    /** The agent's session has what the JVM did, and its line at exit the GC pauses. */
    @Test
    void theAgentsReportAndLineSayTheGcPausesOfTheProgram() throws Exception {
        Path output = dir.resolve("gc.session.json");
        Run run = run("output=" + output, "gc", System.getProperty("java.class.path"), "-XX:+UseSerialGC", "-Xmx64m");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Session session = Session.load(output);
        assertThat(session.jvm().gcPauses()).anySatisfy(p -> {
            assertThat(p.collector()).isEqualTo("MarkSweepCompact");
            assertThat(p.cause()).isEqualTo("System.gc()");
        });
        assertThat(session.jvm().classesLoaded()).isPositive();
        java.util.regex.Matcher wrote = WROTE.matcher(run.stderr().lines().filter(l -> l.contains(" wrote ")).findFirst()
                .orElseThrow());
        assertThat(wrote.matches()).isTrue();
        assertThat(Integer.parseInt(wrote.group(5))).isEqualTo(session.jvm().gcPauses().size());
    }

    /**
     * {@code print=tree}: the text call tree on standard error before the line, as pyinstrument
     * or {@code markata build --profile} print theirs; the program's standard output is its own.
     */
    @Test
    void printTreeShowsTheCallTreeOnStandardErrorBeforeTheLine() throws Exception {
        Path output = dir.resolve("tree.html");
        Run run = runQuietly("print=tree,output=" + output, "return");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("target ran" + System.lineSeparator());
        List<String> lines = run.stderr().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches(WROTE).startsWith("markata-profiler: wrote " + output + " (");
        List<String> tree = lines.subList(0, lines.size() - 1);
        assertThat(tree).hasSizeLessThanOrEqualTo(AgentOutput.SCREEN_LINES);
        assertThat(String.join("\n", tree)).contains("markata profile", "Program:  " + AgentTarget.class.getName())
                .contains("AgentTarget.busy").contains("main").contains("helper")
                .doesNotContain("\u001b["); // standard error may be a log file: no colours
        assertThat(Files.readString(output)).contains("<html");
    }

    /**
     * A program of 30 equally busy threads: no threshold hides any of them, and the tree of
     * each took over 100 lines. The printed tree is cut to a screen and says so; the report
     * has the threads it cut.
     */
    @Test
    void thePrintedTreeFitsAScreenWhenEveryThreadIsEquallyBusy() throws Exception {
        Path output = dir.resolve("many.session.json");
        Run run = runQuietly("print=tree,output=" + output, "many-threads");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("target ran" + System.lineSeparator());
        List<String> lines = run.stderr().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches(WROTE);
        List<String> tree = lines.subList(0, lines.size() - 1);
        assertThat(tree).hasSizeLessThanOrEqualTo(AgentOutput.SCREEN_LINES).anySatisfy(line ->
                assertThat(line).contains("AgentTarget.busy"));
        assertThat(tree.get(tree.size() - 1)).contains("more lines").contains("the report");
        long printed = tree.stream().filter(line -> line.contains("[thread worker-")).count();
        assertThat(Session.load(output).threads()).filteredOn(t -> t.name().startsWith("worker-"))
                .hasSizeGreaterThan((int) printed);
    }

    /**
     * A program whose work is a chain of single calls 300 deep: no threshold hides a row of it,
     * so the printed tree was its first 39 rows and a cut, and the call beside it, a quarter of
     * the program's time, was not printed. The chain is drawn as its first and last rows.
     */
    @Test
    void thePrintedTreeOfADeepChainShowsTheCallBesideIt() throws Exception {
        Path output = dir.resolve("deep.session.json");
        Run run = runQuietly("print=tree,output=" + output, "deep");
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.stderr().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches(WROTE);
        List<String> tree = lines.subList(0, lines.size() - 1);
        assertThat(tree).hasSizeLessThanOrEqualTo(AgentOutput.SCREEN_LINES)
                .anySatisfy(line -> assertThat(line).contains("AgentTarget.beside"))
                .anySatisfy(line -> assertThat(line).contains("AgentTarget.busy").containsPattern("\\[(29[0-9]|300) frames between]$"))
                .noneSatisfy(line -> assertThat(line).contains("more lines not printed"));
    }

    /** {@code print=none}: nothing on standard error when all went well (a script's own output stays its own). */
    @Test
    void printNoneSaysNothingWhenAllWentWell() throws Exception {
        Path output = dir.resolve("quiet.session.json");
        Run run = runQuietly("print=none,output=" + output, "return");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("target ran" + System.lineSeparator());
        assertThat(run.stderr()).isEmpty();
        assertThat(Session.load(output).sampleCount()).isPositive();
    }

    @Test
    void aBadPrintValueIsTheAgentsOneLine() throws Exception {
        Run run = run("print=all", "return");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("target ran" + System.lineSeparator());
        assertThat(run.stderr().strip()).isEqualTo("markata-profiler: print=all is not allowed (use one of: line,"
                + " tree, none); running without profiling");
    }

    /**
     * javac profiled through the agent: its main class is {@code jdk.compiler/com.sun.tools.javac.Main},
     * a JDK module, and every frame was library code, the console tree {@code Main.main} above one
     * "244 frames hidden" row. The compiler's module is the program's own code now; the rest of
     * the JDK is still library code.
     */
    @Test
    void javacsOwnCodeIsTheApplicationsInItsProfile() throws Exception {
        Path output = dir.resolve("javac.session.json");
        javac("Hello", "output=" + output);

        Session session = Session.load(output);
        assertThat(session.frames()).filteredOn(f -> f.className().startsWith("com.sun.tools.javac."))
                .isNotEmpty().allSatisfy(f -> assertThat(f.kind()).as(f.toString()).isEqualTo(FrameKind.APPLICATION));
        assertThat(session.frames()).filteredOn(f -> f.className().startsWith("java.util."))
                .isNotEmpty().allSatisfy(f -> assertThat(f.kind()).as(f.toString()).isEqualTo(FrameKind.LIBRARY));
        String text = dev.markata.profiler.render.Reports.of(session).render(dev.markata.profiler.render.ReportFormat.TEXT,
                dev.markata.profiler.render.ReportOptions.defaults().withColor(false));
        assertThat(text).contains("Main.main", "Main.compile", "JavaCompiler.compile");
    }

    /**
     * Compiles a class {@code name} of a few lines with javac, which runs with the agent given
     * {@code agentArguments} and the JVM options {@code jvmOptions}; returns what javac printed.
     */
    private static String javac(String name, String agentArguments, String... jvmOptions) throws Exception {
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        assumeTrue(Files.isExecutable(javac), "a JDK with javac");
        Path source = dir.resolve(name + ".java");
        Files.writeString(source, "import java.util.*;\npublic class " + name + " { public static void main(String[] a) {"
                + " List<String> l = new ArrayList<>(); l.add(\"x\"); System.out.println(l); } }\n");
        List<String> command = new ArrayList<>(List.of(javac.toString(), "-J-cp", "-J" + System.getProperty("java.class.path")));
        for (String option : jvmOptions) {
            command.add("-J" + option);
        }
        command.addAll(List.of("-J-javaagent:" + agentJar + "=" + agentArguments, "-d", dir.resolve(name + "-out").toString(),
                source.toString()));
        Path printed = dir.resolve(name + "-javac.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(printed.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(printed);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    /**
     * javac's printed tree: its work is chains of single calls 20 to 60 deep (its visitors, its
     * class reading), which took the screen at any threshold, so the tree was printed at 15 %
     * with one of javac's phases in it. Its chains folded, the tree fits at a lower threshold
     * and shows more of the phases {@code JavaCompiler.compile} runs.
     */
    @Test
    void javacsPrintedTreeFoldsItsChainsAndShowsItsPhases() throws Exception {
        String text = javac("Printed", "print=tree,output=" + dir.resolve("javac-tree.html"),
                "--enable-native-access=ALL-UNNAMED");

        List<String> lines = text.lines().toList();
        assertThat(lines.get(lines.size() - 1)).as(text).matches(WROTE);
        List<String> tree = lines.subList(0, lines.size() - 1);
        assertThat(tree).as(text).hasSizeLessThanOrEqualTo(AgentOutput.SCREEN_LINES)
                .anySatisfy(line -> assertThat(line).containsPattern("\\[\\d+ frames between]$"))
                .noneSatisfy(line -> assertThat(line).contains("more lines not printed"));
        List<String> phases = List.of("JavaCompiler.parseFiles", "JavaCompiler.enterTrees", "JavaCompiler.initModules",
                "JavaCompiler.attribute", "JavaCompiler.flow", "JavaCompiler.desugar", "JavaCompiler.generate");
        assertThat(phases).as(text).filteredOn(phase -> text.contains(phase + " ")).hasSizeGreaterThanOrEqualTo(2);
    }

    /**
     * {@code java -cp app.jar:lib.jar app.Main}, as start scripts run programs: the main class's
     * jar is the application's code. Only a {@code -jar} counted, so every frame of such a
     * program was library code and the text report folded the whole run into one line
     * ({@code Main.main [13 frames hidden: apppkg, libpkg]}).
     */
    @Test
    void theMainClassJarOfAClassPathRunIsApplicationCode() throws Exception {
        Path appJar = dir.resolve("app.jar");
        String entry = AgentTarget.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(appJar); JarOutputStream jar = new JarOutputStream(out);
             var bytes = AgentTarget.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new java.util.jar.JarEntry(entry));
            bytes.transferTo(jar);
            jar.closeEntry();
        }
        Path output = dir.resolve("classpath.session.json");
        // the jar first: the target class loads from it, not from the test class folder
        Run run = run("output=" + output, "return", appJar + java.io.File.pathSeparator
                + System.getProperty("java.class.path"));
        assertThat(run.exitCode()).isZero();
        Session session = Session.load(output);
        assertThat(session.frames()).filteredOn(f -> f.className().equals(AgentTarget.class.getName()))
                .isNotEmpty().allSatisfy(f -> assertThat(f.kind()).isEqualTo(FrameKind.APPLICATION));
        assertThat(session.frames()).filteredOn(f -> f.className().startsWith("java."))
                .isNotEmpty().allSatisfy(f -> assertThat(f.kind()).isEqualTo(FrameKind.LIBRARY));
    }

    /**
     * An output the report cannot be written to (a file stands where its folder should be) was
     * found only at exit, after the whole run, as "cannot write .../report.txt:
     * .../.report.txt.5f3a.tmp". It is now checked at start: one line that names the argument
     * and the reason, and the program runs unprofiled with its own exit code.
     */
    @Test
    void anOutputThatCannotBeWrittenIsOneLineAtStartAndTheProgramStillRuns() throws Exception {
        Files.writeString(dir.resolve("taken"), "a file, not a folder");
        Path output = dir.resolve("taken/report.txt");
        Run run = run("output=" + output, "exit");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout()).contains("target ran");
        assertThat(run.stderr().strip()).startsWith("markata-profiler: output=" + output + " cannot be written (")
                .endsWith("; running without profiling").doesNotContain("\n").doesNotContain(".tmp");
    }

    /**
     * A {@code jfr=} file that cannot be written said nothing at all: the program was
     * profiled, the report written, and the JFR file asked for was missing without a word
     * (the library's warning is logged while the JVM's logging shuts down, and is lost). It is
     * checked at start, as {@code output} is.
     */
    @Test
    void aJfrFileThatCannotBeWrittenIsOneLineAtStartAndTheProgramStillRuns() throws Exception {
        Files.writeString(dir.resolve("taken-too"), "a file, not a folder");
        Path jfr = dir.resolve("taken-too/recording.jfr");
        Run run = run("jfr=" + jfr + ",output=" + dir.resolve("unused.txt"), "exit");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout()).contains("target ran");
        assertThat(run.stderr().strip()).startsWith("markata-profiler: jfr=" + jfr + " cannot be written (")
                .endsWith("; running without profiling").doesNotContain("\n");
    }

    /** A JFR file that could be written at start but not at exit: the report says so, on standard error. */
    @Test
    void aJfrFileThatCannotBeWrittenAtExitIsSaid() throws Exception {
        Path jfr = dir.resolve("later/recording.jfr");
        Path output = dir.resolve("later.txt");
        Run run = run("jfr=" + jfr + ",output=" + output, "take-path", System.getProperty("java.class.path"),
                "-Dtake=" + jfr);
        assertThat(run.exitCode()).isZero();
        assertThat(output).isRegularFile();
        assertThat(run.stderr()).contains("markata-profiler: cannot keep the JFR recording at " + jfr);
    }

    /**
     * When main returns, the JVM waits for the other threads on main's OS thread, as the new
     * Java thread "DestroyJavaVM", then runs the shutdown there. async-profiler samples every
     * thread of the process (no filter) when every thread is profiled, so that wait came back
     * as main's: main's time must end when main returned, not when the last thread did.
     */
    @Test
    void mainsTimeEndsWhenMainReturnsWhileOtherThreadsRunOn() throws Exception {
        Path output = dir.resolve("early.session.json");
        Run run = run("output=" + output, "return-early");
        assertThat(run.exitCode()).isZero();
        Session session = Session.load(output);
        ThreadProfile main = thread(session, "main");
        ThreadProfile straggler = thread(session, "straggler");
        // main ran 100 ms of its own, the straggler 400 ms: with the wait, main had 400 ms or more
        assertThat(main.totalNanos()).as("main %d ms, straggler %d ms", main.totalNanos() / 1_000_000,
                straggler.totalNanos() / 1_000_000).isLessThan(straggler.totalNanos() * 3 / 4);
        assertThat(session.threads()).extracting(ThreadProfile::name).doesNotContain("DestroyJavaVM");
    }

    /**
     * Attached to a running JVM, the agent starts on the JVM's "Attach Listener" thread. As
     * the starting thread it was always sampled (an empty thread in every report) and with
     * {@code threads=main} it was the only one: the program itself was not profiled at all.
     */
    @Test
    void attachedWithThreadsMainItProfilesTheMainThreadNotTheAttachListener() throws Exception {
        Path output = dir.resolve("attached.session.json");
        Run run = run("threads=main,output=" + output, "attach");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("target ran");
        Session session = Session.load(output);
        assertThat(session.threads()).extracting(ThreadProfile::name).containsExactly("main");
    }

    @Test
    void attachedWithAllThreadsItLeavesTheAttachListenerOut() throws Exception {
        Path output = dir.resolve("attached-all.session.json");
        Run run = run("output=" + output, "attach");
        assertThat(run.exitCode()).isZero();
        Session session = Session.load(output);
        assertThat(session.threads()).extracting(ThreadProfile::name).contains("main", "helper")
                .doesNotContain("Attach Listener");
    }

    /**
     * {@code jfr=} keeps async-profiler's recording; when the JDK sampler ran (asked for, or
     * async-profiler could not load) no file appeared and nothing said why.
     */
    @Test
    void aJfrFileTheJdkSamplerCannotWriteIsSaid() throws Exception {
        Path output = dir.resolve("nojfr.txt");
        Path jfr = dir.resolve("nojfr.jfr");
        Run run = run("sampler=jdk,jfr=" + jfr + ",output=" + output, "return");
        assertThat(run.exitCode()).isZero();
        assertThat(output).isRegularFile();
        assertThat(Files.exists(jfr)).isFalse();
        assertThat(run.stderr()).contains("markata-profiler: no JFR file at " + jfr
                + ": the jdk sampler ran, and only async-profiler records one");
    }

    /**
     * A program with many jars on its class path (this test's: 50, Selenium's and JUnit's), run
     * under {@code -Xmx6m}: the agent's start read the local time for {@code %t} whether asked or
     * not, and the time-zone rules' first use opens every jar to look for providers. The heap
     * ran out in premain, and the JVM aborted (exit 134) before the program ran. The program
     * runs profiled; the report is written (JDK 17), or on JDK 25, whose heap holds less beside
     * these jars, that it could not be is the one line of a heap too small.
     */
    @Test
    void aSmallHeapWithManyJarsOnTheClassPathIsProfiled() throws Exception {
        Path output = dir.resolve("many-jars.txt");
        Run run = run("output=" + output, "return", System.getProperty("java.class.path"), "-Xmx6m");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("target ran");
        assertThat(run.stderr()).doesNotContain("cannot start").doesNotContain("Exception");
        assertThat(run.stderr()).containsAnyOf("markata-profiler: wrote " + output,
                "markata-profiler: cannot write " + output + ": the Java heap ran out while");
    }

    /**
     * The class folders and async-profiler's jar: the test class path's other jars (Selenium's,
     * JUnit's) take more than a 6 MB heap to open.
     */
    private static String smallClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith(".jar") || entry.contains("async-profiler"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * A program that ends with its heap all but full (here {@code -Xmx6m}, held to the end):
     * the exit hook ran out of memory reading the recording or rendering the report, and the
     * JVM printed its "Exception in thread markata-profiler-exit" and a stack trace of the
     * profiler's code. One line says the report could not be written, why, and what to do; the
     * program's exit code is its own.
     *
     * <p>The program leaves 1.25 MB of its 6 MB free: more than one of the G1 collector's 1 MB
     * regions, which the JVM's shutdown needs to run any hook at all (see the test below), and
     * less than reading the recording and rendering the report need, mostly (JDK 17: the heap
     * runs out while writing the report, now and then while reading the recording; JDK 25: while
     * reading it, now and then the report is written). With 256 KB free, as until 2026-12-06,
     * the same run gave this line 10 times in 12 by hand at a quiet moment and nothing at all in
     * 12 of 12 at a load of 10.
     */
    @Test
    void aHeapTooSmallForTheReportIsOneLineAndTheExitCodeIsTheProgramsOwn() throws Exception {
        Path output = dir.resolve("small-heap.html");
        Run run = run("output=" + output, "full-heap-at-exit", smallClassPath(), "-Xmx6m", "-Dslack.kb=1280");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("filling the heap");
        assertThat(run.stderr()).doesNotContain("Exception in thread").doesNotContain("\tat ")
                .doesNotContain("thrown from the UncaughtExceptionHandler").doesNotContain("ASSERTION FAILED");
        List<String> lines = run.stderr().lines().filter(line -> line.startsWith("markata-profiler: ")).toList();
        assertThat(lines).as(run.stderr()).hasSize(1).allSatisfy(line -> assertThat(line)
                .matches("markata-profiler: (wrote " + java.util.regex.Pattern.quote(output.toString()) + " .*"
                        + "|cannot write " + java.util.regex.Pattern.quote(output.toString())
                        + ": the Java heap ran out while (reading the recording|writing the report)"
                        + " \\(OutOfMemoryError: Java heap space; the heap is at most [0-9]+ MB\\);"
                        + " run the program with a bigger heap \\(-Xmx\\))"));
    }

    /**
     * A program that ends with less than one G1 region free (256 KB of a 6 MB heap, whose
     * regions are 1 MB): there the collector has no region to allocate in, however small the
     * object, and the JVM's own shutdown allocates before any hook runs (main's
     * {@code Thread.exit} and {@code ApplicationShutdownHooks.runHooks} iterate sets, then start
     * the hook threads), so no hook runs, the agent's neither, and there is no report and no
     * line. What the agent can still spare the user is noise: until 2026-12-06 the shutdown
     * first loaded two classes while the agent's transformer was registered, and the JVM's agent
     * code printed "*** java.lang.instrument ASSERTION FAILED ***" five times. The agent now
     * loads them when it starts.
     */
    @Test
    void aHeapLeftWithoutRoomForTheShutdownGetsNoNoiseFromTheAgent() throws Exception {
        Path output = dir.resolve("full-heap.html");
        Run run = run("output=" + output, "full-heap-at-exit", smallClassPath(), "-Xmx6m", "-Dslack.kb=256");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("filling the heap");
        assertThat(run.stderr()).doesNotContain("ASSERTION FAILED").doesNotContain("Exception in thread")
                .doesNotContain("\tat ");
    }

    /**
     * A program that runs out of memory, catches it and carries on: the JDK sampler's thread,
     * asking for a stack at that moment, died of the OutOfMemoryError without a word (the report
     * even named it as the program's uncaught exception), and the profile simply ended there.
     * The sampler stops, the report holds what was recorded, and both the report's metadata and
     * a line at exit say sampling stopped, when and why.
     */
    @Test
    void theJdkSamplerRunningOutOfMemorySaysItStoppedAndTheReportIsStillWritten() throws Exception {
        Path output = dir.resolve("oom-caught.session.json");
        Run run = run("sampler=jdk,output=" + output, "oom-caught", smallClassPath(), "-Xmx16m");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("recovered");
        assertThat(run.stderr()).doesNotContain("Exception in thread").contains("markata-profiler: wrote " + output)
                .containsPattern("markata-profiler: sampling stopped at " + TIME + " of " + TIME + ": the sampler ran out"
                        + " of memory \\(OutOfMemoryError: Java heap space\\); the report holds what was recorded until then");
        // times as the line that says the report was written says them: milliseconds under a second
        java.util.regex.Matcher times = java.util.regex.Pattern.compile("sampling stopped at (" + TIME + ") of (" + TIME
                + ")").matcher(run.stderr());
        assertThat(times.find()).isTrue();
        assertThat(List.of(times.group(1), times.group(2))).allSatisfy(time -> assertThat(time.endsWith(" ms")
                ? Double.parseDouble(time.replace(" ms", "")) < 1000 : Double.parseDouble(time.replace(" s", "")) >= 1)
                .as(time).isTrue());
        Session session = Session.load(output);
        assertThat(session.metadata()).doesNotContainKey("outcome").doesNotContainKey("uncaught_exception")
                .hasEntrySatisfying("sampling.stopped", value -> assertThat(value)
                        .matches("at " + TIME + ": OutOfMemoryError: Java heap space"));
        assertThat(thread(session, "main").samples()).isNotEmpty();
        // the console report says so in its header
        assertThat(dev.markata.profiler.render.Reports.of(session).render(dev.markata.profiler.render.ReportFormat.TEXT,
                dev.markata.profiler.render.ReportOptions.defaults()))
                .containsPattern("Warning: +sampling stopped at " + TIME + " \\(OutOfMemoryError: Java heap space\\), the"
                        + " rest is not in the profile");
    }

    @Test
    void writesEveryFormatItsFileNameAsksFor() throws Exception {
        Path text = dir.resolve("report.txt");
        assertThat(run("output=" + text, "return").exitCode()).isZero();
        assertThat(Files.readString(text)).contains("AgentTarget");
        Path collapsed = dir.resolve("report.collapsed");
        assertThat(run("output=" + collapsed, "return").exitCode()).isZero();
        assertThat(Files.readString(collapsed)).contains("AgentTarget");
        Path speedscope = dir.resolve("report.speedscope.json");
        assertThat(run("output=" + speedscope, "return").exitCode()).isZero();
        assertThat(Files.readString(speedscope)).contains("speedscope");
    }

    @Test
    void writesAnHtmlReport() throws Exception {
        Path output = dir.resolve("report.html");
        Run run = run("output=" + output, "return");
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(output)).startsWith("<!DOCTYPE html>").contains("AgentTarget");
    }
}
