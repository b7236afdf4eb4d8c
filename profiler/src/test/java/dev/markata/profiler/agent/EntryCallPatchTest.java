package dev.markata.profiler.agent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patch the agent applies to {@code Thread.dispatchUncaughtException}, applied to classes
 * of the same shape and loaded by a class loader of the test's: unlike the JDK's own classes,
 * they are verified when defined, so a wrong frame or stack depth fails here.
 */
class EntryCallPatchTest {

    /**
     * What the patched call reaches: public, static, {@code note(Object, Throwable)}. Holds
     * what the patched methods and the note did, in public fields: the patched classes are
     * defined by another loader, so in another runtime package.
     */
    public static final class Notes {
        public static final List<String> EVENTS = new CopyOnWriteArrayList<>();
        public static volatile boolean noteThrows;

        private Notes() {
        }

        public static void note(Object self, Throwable error) {
            // the name, not getSimpleName(): that looks up the enclosing class, not accessible from the other loader
            String name = self.getClass().getName();
            EVENTS.add("note " + name.substring(name.indexOf('$') + 1) + " " + error.getMessage());
            if (noteThrows) {
                throw new IllegalStateException("the note failed");
            }
        }
    }

    /** Straight-line, as the JDK's {@code dispatchUncaughtException} is. */
    public static final class Dispatcher {
        public void dispatchUncaughtException(Throwable e) {
            Notes.EVENTS.add("handler " + e.getMessage());
        }
    }

    /** With a branch: its stack map frames would need moving, so it is left alone. */
    public static final class Branching {
        public void dispatchUncaughtException(Throwable e) {
            if (e != null) {
                Notes.EVENTS.add("handler " + e.getMessage());
            }
        }
    }

    @BeforeEach
    void clear() {
        Notes.EVENTS.clear();
        Notes.noteThrows = false;
    }

    @Test
    void theNoteIsCalledWithTheReceiverAndTheExceptionBeforeTheMethodsOwnCode() throws Exception {
        invokePatched(Dispatcher.class, new RuntimeException("boom"));
        assertThat(Notes.EVENTS).containsExactly("note Dispatcher boom", "handler boom");
    }

    @Test
    void whatTheNoteThrowsIsDroppedAndTheMethodsOwnCodeStillRuns() throws Exception {
        Notes.noteThrows = true;
        invokePatched(Dispatcher.class, new RuntimeException("boom"));
        assertThat(Notes.EVENTS).containsExactly("note Dispatcher boom", "handler boom");
    }

    @Test
    void aMethodWithBranchesOrAnotherNameIsLeftAlone() throws IOException {
        assertThat(EntryCallPatch.apply(bytes(Branching.class), "dispatchUncaughtException",
                "(Ljava/lang/Throwable;)V", Notes.class.getName())).isNull();
        assertThat(EntryCallPatch.apply(bytes(Dispatcher.class), "dispatch", "(Ljava/lang/Throwable;)V",
                Notes.class.getName())).isNull();
        assertThat(EntryCallPatch.apply(new byte[] {1, 2, 3}, "dispatchUncaughtException",
                "(Ljava/lang/Throwable;)V", Notes.class.getName())).isNull();
    }

    /** A class patched already (re-applied after another agent's retransformation) gets no second call. */
    @Test
    void aClassThatCallsTheTargetAlreadyIsReturnedAsItIs() throws IOException {
        byte[] once = EntryCallPatch.apply(bytes(Dispatcher.class), "dispatchUncaughtException",
                "(Ljava/lang/Throwable;)V", Notes.class.getName());
        assertThat(once).isNotNull();
        assertThat(EntryCallPatch.apply(once, "dispatchUncaughtException", "(Ljava/lang/Throwable;)V",
                Notes.class.getName())).isSameAs(once);
    }

    @Test
    void theJdksOwnThreadClassIsPatchable() throws IOException {
        byte[] thread;
        try (InputStream in = Object.class.getResourceAsStream("/java/lang/Thread.class")) {
            thread = in.readAllBytes();
        }
        assertThat(EntryCallPatch.apply(thread, "dispatchUncaughtException", "(Ljava/lang/Throwable;)V",
                Notes.class.getName())).isNotNull();
    }

    private static void invokePatched(Class<?> type, Throwable error) throws Exception {
        byte[] patched = EntryCallPatch.apply(bytes(type), "dispatchUncaughtException", "(Ljava/lang/Throwable;)V",
                Notes.class.getName());
        assertThat(patched).isNotNull();
        Class<?> defined = new ClassLoader(EntryCallPatchTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(type.getName(), patched, 0, patched.length);
            }
        }.define();
        Object instance = defined.getDeclaredConstructor().newInstance();
        Method method = defined.getMethod("dispatchUncaughtException", Throwable.class);
        try {
            method.invoke(instance, error);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the patched method threw", e.getCause());
        }
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1)
                + ".class")) {
            return in.readAllBytes();
        }
    }
}
