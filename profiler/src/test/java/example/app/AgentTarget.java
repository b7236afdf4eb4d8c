package example.app;

/**
 * A program for the agent tests to profile: busy work, then the exit its argument names. Outside
 * the profiler's packages, whose frames reports hide as the profiler's own.
 */
public final class AgentTarget {

    static volatile long sink;

    private AgentTarget() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("attach")) {
            // as jcmd or an IDE would: the agent arrives on the JVM's "Attach Listener" thread
            com.sun.tools.attach.VirtualMachine self = com.sun.tools.attach.VirtualMachine.attach(
                    Long.toString(ProcessHandle.current().pid()));
            self.loadAgent(System.getProperty("agent.jar"), System.getProperty("agent.arguments"));
            self.detach();
        }
        if (args.length > 0 && args[0].equals("own-handler-throw")) {
            // as logging frameworks and servers do: the program's own last word on a crash
            Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                    System.err.println("app handler: " + error + " in " + thread.getName()));
        }
        if (args.length > 0 && args[0].equals("worker-throw-own-handler")) {
            // a server's way: its own last word on any thread's crash, then main ends normally
            System.out.println("default handler at start: " + Thread.getDefaultUncaughtExceptionHandler());
            Thread.UncaughtExceptionHandler mine = (thread, error) ->
                    System.err.println("app handler: " + error + " in " + thread.getName());
            Thread.setDefaultUncaughtExceptionHandler(mine);
            Thread worker = new Thread(() -> {
                busy(100);
                throw new IllegalArgumentException("worker failed");
            }, "worker");
            worker.start();
            worker.join();
            System.out.println("handler is the program's own: " + (Thread.getDefaultUncaughtExceptionHandler() == mine)
                    + ", main's handler is its group: " + (Thread.currentThread().getUncaughtExceptionHandler()
                    == Thread.currentThread().getThreadGroup()));
            return;
        }
        if (args.length > 0 && args[0].equals("own-log-manager")) {
            // as WildFly's and JBoss's launchers do: the program picks its LogManager when it starts
            System.setProperty("java.util.logging.manager", OwnLogManager.class.getName());
            busy(100);
            System.out.println("log manager: " + java.util.logging.LogManager.getLogManager().getClass().getName());
            return;
        }
        if (args.length > 0 && args[0].equals("unnamed-throw")) {
            // virtual threads have no name unless given one; a platform thread may have none either
            Thread unnamed = new Thread(() -> {
                throw new IllegalStateException("nameless");
            }, "");
            unnamed.start();
            unnamed.join();
            return;
        }
        if (args.length > 0 && args[0].equals("take-path")) {
            // a folder with a file in it where the profiler is to write at exit
            java.nio.file.Path taken = java.nio.file.Path.of(System.getProperty("take"));
            java.nio.file.Files.createDirectories(taken);
            java.nio.file.Files.writeString(taken.resolve("inside.txt"), "the program's");
            busy(100);
            return;
        }
        if (args.length > 0 && args[0].equals("full-heap-at-exit")) {
            // a program that ends with its heap all but full (what it holds to the end, a cache)
            busy(300);
            System.out.println("filling the heap");
            held = fillHeap(Integer.getInteger("slack.kb", 256)); // nothing allocated after this
            return;
        }
        if (args.length > 0 && args[0].equals("oom-caught")) {
            // a program that runs out of memory, catches it, lets go and carries on (a cache that
            // grew too far, dropped): for a moment no thread can allocate, the profiler's neither
            busy(200);
            held = fillHeap(0);
            // long enough for the sampler to ask for stacks many times even when it is starved
            // (a clean-clone CI run once saw it sample through 100 ms of full heap unharmed)
            Thread.sleep(400);
            held = null;
            System.gc();
            busy(200);
            System.out.println("recovered");
            return;
        }
        if (args.length > 0 && args[0].equals("signal-handler")) {
            handleOwnSignal();
            return;
        }
        if (args.length > 0 && args[0].equals("many-threads")) {
            // 30 workers of about equal work: no threshold hides many of them next to the others,
            // so a tree of every thread is longer than a screen whatever its threshold. Each spins
            // to a common deadline, and at least 300 ms: spinning 300 ms from its own first run,
            // some lived twice as long as others at a load of 12 (they waited for a core before
            // they began); spinning to the deadline alone, the last ones started after it at a
            // load of 16. Main returns at once (the JVM waits for the workers): a main that waited
            // for them in join was the busiest thread, and the workers fell below half of its time.
            long deadline = System.nanoTime() + 500_000_000L;
            for (int i = 0; i < 30; i++) {
                new Thread(() -> busy(Math.max(300, (deadline - System.nanoTime()) / 1_000_000)), "worker-" + i).start();
            }
            System.out.println("target ran");
            return;
        }
        if (args.length > 0 && args[0].equals("deep")) {
            // a chain of single calls 300 deep, as a recursion or javac's visitors make, then a
            // call beside it of a third of its time
            descend(300, 450);
            beside(150);
            System.out.println("target ran");
            return;
        }
        if (args.length > 0 && args[0].equals("return-early")) {
            // main returns while a thread it started runs on: the JVM waits for it on main's
            // OS thread, as "DestroyJavaVM"
            new Thread(() -> busy(400), "straggler").start();
            busy(100);
            return;
        }
        Thread helper = new Thread(() -> busy(200), "helper");
        helper.start();
        busy(300);
        helper.join();
        System.out.println("target ran");
        switch (args.length == 0 ? "return" : args[0]) {
            case "exit" -> System.exit(3);
            case "gc" -> System.gc(); // a collection the agent's report and its line at exit say
            case "throw", "own-handler-throw" -> throw new IllegalStateException("boom");
            default -> {
            }
        }
    }

    /**
     * As servers do for a graceful stop: the program's own handler of SIGHUP (sun.misc.Signal,
     * reached by reflection: jdk.unsupported draws a warning at each compile), raised by the
     * program itself. The JVM runs the handler on a new thread, "SIGHUP handler", of its
     * system thread group.
     */
    private static void handleOwnSignal() throws Exception {
        java.util.concurrent.CountDownLatch handled = new java.util.concurrent.CountDownLatch(1);
        Class<?> signalType = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        Object signal = signalType.getConstructor(String.class).newInstance("HUP");
        Object handler = java.lang.reflect.Proxy.newProxyInstance(AgentTarget.class.getClassLoader(),
                new Class<?>[] {handlerType}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "handle" -> {
                        busy(200);
                        handled.countDown();
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> "handler";
                });
        signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
        signalType.getMethod("raise", signalType).invoke(null, signal);
        handled.await();
        System.out.println("signal handled");
    }

    /** What {@link #fillHeap} took, held until the program lets go. */
    static volatile Object held;

    /**
     * Allocates 64 KB blocks until the heap is full (the JVM's OutOfMemoryError, caught), then
     * gives back about {@code slackKb} of them; returns the rest, to be held.
     */
    static Object fillHeap(int slackKb) {
        java.util.ArrayList<byte[]> blocks = new java.util.ArrayList<>(1 << 16);
        try {
            while (true) {
                blocks.add(new byte[64 * 1024]);
            }
        } catch (OutOfMemoryError full) {
            for (int freed = 0; freed < slackKb && !blocks.isEmpty(); freed += 64) {
                blocks.remove(blocks.size() - 1);
            }
        }
        return blocks;
    }

    /** A program's own {@code java.util.logging} manager, as JBoss LogManager is. */
    public static final class OwnLogManager extends java.util.logging.LogManager {
    }

    private static void descend(int levels, long millis) {
        if (levels == 0) {
            busy(millis);
        } else {
            descend(levels - 1, millis);
        }
    }

    private static void beside(long millis) {
        busy(millis);
    }

    static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            x = x * 31 + 7;
        }
        sink += x;
    }
}
