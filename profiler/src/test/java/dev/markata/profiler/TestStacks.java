package dev.markata.profiler;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.StackTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Frame and stack tables for hand-built test sessions, from stacks written as
 * {@code "app.Main.main;app.Site.render;java.util.HashMap.get"}: root first, {@code Class.method}
 * per frame, classes under {@code app.} application code, everything else library code, and
 * {@code [name]} a synthetic frame.
 */
public final class TestStacks {

    private final Map<Frame, Integer> frameIds = new HashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    private final StackTable.Builder stacks = new StackTable.Builder();

    /**
     * The id of {@code stack} in this table, adding its frames and stacks as needed; {@code ""}
     * is a sample without a Java frame (native code, the VM), as the samplers record one.
     */
    public int stackId(String stack) {
        int id = StackTable.EMPTY;
        if (stack.isEmpty()) {
            return id;
        }
        for (String part : stack.split(";")) {
            Frame frame;
            if (part.startsWith("[") && part.endsWith("]")) { // a synthetic frame, as the samplers make them
                frame = new Frame(part, "", "", 0, FrameKind.SYNTHETIC);
            } else {
                int dot = part.lastIndexOf('.');
                String className = part.substring(0, dot);
                String simple = className.substring(className.lastIndexOf('.') + 1);
                frame = new Frame(className, part.substring(dot + 1), simple + ".java", 10,
                        className.startsWith("app.") ? FrameKind.APPLICATION : FrameKind.LIBRARY);
            }
            int frameId = frameIds.computeIfAbsent(frame, f -> {
                frames.add(f);
                return frames.size() - 1;
            });
            id = stacks.intern(id, frameId);
        }
        return id;
    }

    public List<Frame> frames() {
        return frames;
    }

    public StackTable build() {
        return stacks.build();
    }
}
