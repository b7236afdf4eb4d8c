package dev.markata.profiler.model;

import java.util.Arrays;

/**
 * Every distinct stack of a session, stored as a prefix tree: stack {@code i} is frame
 * {@code frameId(i)} called from stack {@code parentId(i)}.
 *
 * <p>Two ints per distinct stack, whatever its depth: a 2,000-frame recursion that is sampled
 * a thousand times at slightly different depths costs a few thousand entries, not millions.
 * Parents always come before their children, so a table can be read and written in one pass.
 * Immutable; build one with {@link Builder}.
 */
public final class StackTable {

    /** The id of the empty stack (a thread sampled with no Java frames). */
    public static final int EMPTY = -1;

    private final int[] parents;
    private final int[] frames;

    private StackTable(int[] parents, int[] frames) {
        this.parents = parents;
        this.frames = frames;
    }

    /** Builds a table from parallel arrays, checking that each parent precedes its child. */
    public static StackTable of(int[] parentIds, int[] frameIds) {
        if (parentIds.length != frameIds.length) {
            throw new IllegalArgumentException("parent and frame arrays differ in length");
        }
        for (int i = 0; i < parentIds.length; i++) {
            if (parentIds[i] < EMPTY || parentIds[i] >= i) {
                throw new IllegalArgumentException("stack " + i + " has parent " + parentIds[i]
                        + "; a parent must be EMPTY or an earlier stack");
            }
            if (frameIds[i] < 0) {
                throw new IllegalArgumentException("stack " + i + " has negative frame " + frameIds[i]);
            }
        }
        return new StackTable(parentIds.clone(), frameIds.clone());
    }

    public int size() {
        return frames.length;
    }

    /** The caller's stack of {@code stackId}, or {@link #EMPTY} at the root. */
    public int parentId(int stackId) {
        return parents[stackId];
    }

    /** The innermost (leaf) frame of {@code stackId}. */
    public int frameId(int stackId) {
        return frames[stackId];
    }

    public int depth(int stackId) {
        int depth = 0;
        for (int s = stackId; s != EMPTY; s = parents[s]) {
            depth++;
        }
        return depth;
    }

    /** The frame ids of {@code stackId}, outermost (root) first. */
    public int[] framesRootFirst(int stackId) {
        int[] result = new int[depth(stackId)];
        int i = result.length;
        for (int s = stackId; s != EMPTY; s = parents[s]) {
            result[--i] = frames[s];
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StackTable that
                && Arrays.equals(parents, that.parents) && Arrays.equals(frames, that.frames);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(parents) + Arrays.hashCode(frames);
    }

    @Override
    public String toString() {
        return "StackTable[" + frames.length + " stacks]";
    }

    /** Interns stacks as they are sampled; not thread-safe. */
    public static final class Builder {
        private int[] parents = new int[256];
        private int[] frames = new int[256];
        private int size;
        private final java.util.HashMap<Long, Integer> index = new java.util.HashMap<>();

        /** The id of the stack made of {@code parentId} plus one more frame, adding it if new. */
        public int intern(int parentId, int frameId) {
            long key = ((long) parentId << 32) | (frameId & 0xffffffffL);
            Integer existing = index.get(key);
            if (existing != null) {
                return existing;
            }
            if (size == frames.length) {
                parents = Arrays.copyOf(parents, size * 2);
                frames = Arrays.copyOf(frames, size * 2);
            }
            parents[size] = parentId;
            frames[size] = frameId;
            index.put(key, size);
            return size++;
        }

        /** The id of the stack whose frames are {@code frameIdsRootFirst}. */
        public int intern(int[] frameIdsRootFirst) {
            int stack = EMPTY;
            for (int frameId : frameIdsRootFirst) {
                stack = intern(stack, frameId);
            }
            return stack;
        }

        public StackTable build() {
            return new StackTable(Arrays.copyOf(parents, size), Arrays.copyOf(frames, size));
        }
    }
}
