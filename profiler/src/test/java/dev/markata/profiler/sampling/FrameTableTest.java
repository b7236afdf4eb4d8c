package dev.markata.profiler.sampling;

import dev.markata.profiler.model.StackTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stacks end at the profiler's bookkeeping; the wrappers that run the program's work are kept. */
class FrameTableTest {

    private final FrameTable frames = new FrameTable(new CodeClassifier(List.of()));

    private static StackTraceElement at(String className, String method) {
        return new StackTraceElement(className, method, null, 1);
    }

    private List<String> rootFirst(int stack) {
        List<String> names = new ArrayList<>();
        for (int s = stack; s != StackTable.EMPTY; s = frames.stacks().parentId(s)) {
            names.add(0, frames.frame(frames.stacks().frameId(s)).displayName());
        }
        return names;
    }

    @Test
    void aStackEndsWhereTheProfilersBookkeepingBegins() {
        // a worker registering itself at its first task: the JDK's Path.of under the profiler's code
        int registering = frames.stackId(new StackTraceElement[] {at("java.nio.file.Path", "of"),
                at(ThreadContext.class.getName(), "currentOsThreadId"), at(Recording.class.getName(), "register"),
                at(Recording.class.getName(), "enterTask"), at(ContextTasks.class.getName() + "$ContextRunnable", "run"),
                at("java.util.concurrent.ThreadPoolExecutor", "runWorker"), at("java.lang.Thread", "run")});
        assertThat(rootFirst(registering)).containsExactly("Thread.run", "ThreadPoolExecutor.runWorker",
                "ContextTasks$ContextRunnable.run", "Recording.enterTask");

        // the same through async-profiler's conversion, one frame at a time from the root
        int stack = StackTable.EMPTY;
        for (String[] frame : new String[][] {{"java.lang.Thread", "run"}, {"app.Main", "render"},
                {SpanRecord.class.getName(), "close"}, {"java.util.ArrayDeque", "removeLastOccurrence"}}) {
            stack = frames.push(stack, frames.frameId(at(frame[0], frame[1])));
        }
        assertThat(rootFirst(stack)).containsExactly("Thread.run", "Main.render", "SpanRecord.close");
    }

    @Test
    void theWrappersThatRunTheProgramsWorkAreNotCut() {
        int task = frames.stackId(new StackTraceElement[] {at("app.Work", "spin"),
                at(ContextTasks.class.getName() + "$ContextRunnable", "run"), at("java.lang.Thread", "run")});
        assertThat(rootFirst(task)).containsExactly("Thread.run", "ContextTasks$ContextRunnable.run", "Work.spin");
        int submit = frames.stackId(new StackTraceElement[] {at("java.util.concurrent.ThreadPoolExecutor", "execute"),
                at(ContextExecutorService.class.getName(), "submit"), at("app.Main", "main")});
        assertThat(rootFirst(submit)).containsExactly("Main.main", "ContextExecutorService.submit",
                "ThreadPoolExecutor.execute");
    }
}
