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

    /**
     * Interns stacks as they are sampled; not thread-safe.
     *
     * <p>The (parent, frame) pairs are found in an open-addressing table of primitive longs: a
     * recording interns every frame of every distinct stack it sees (hundreds of thousands at
     * the end of a big build's profile), and a boxed {@code HashMap<Long, Integer>} allocated a
     * key per look-up, which the C1-only JIT of a build does not optimize away.
     */
    public static final class Builder {
        private int[] parents = new int[256];
        private int[] frames = new int[256];
        private int size;
        /** (parent, frame) keys and their stack ids + 1 (0 = free slot); length a power of two. */
        private long[] keys = new long[512];
        private int[] ids = new int[512];

        /** The id of the stack made of {@code parentId} plus one more frame, adding it if new. */
        public int intern(int parentId, int frameId) {
            long key = ((long) parentId << 32) | (frameId & 0xffffffffL);
            int mask = keys.length - 1;
            int slot = hash(key) & mask;
            while (ids[slot] != 0) {
                if (keys[slot] == key) {
                    return ids[slot] - 1;
                }
                slot = (slot + 1) & mask;
            }
            if (size == frames.length) {
                parents = Arrays.copyOf(parents, size * 2);
                frames = Arrays.copyOf(frames, size * 2);
            }
            parents[size] = parentId;
            frames[size] = frameId;
            keys[slot] = key;
            ids[slot] = size + 1;
            size++;
            if (size * 2 > keys.length) {
                grow();
            }
            return size - 1;
        }

        /** The stack {@code stackId} without its innermost frame, as {@link StackTable#parentId}. */
        public int parentId(int stackId) {
            return parents[stackId];
        }

        /** The innermost frame of {@code stackId}, as {@link StackTable#frameId}. */
        public int frameId(int stackId) {
            return frames[stackId];
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29));
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldIds = ids;
            keys = new long[oldKeys.length * 2];
            ids = new int[oldIds.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldIds[i] != 0) {
                    int slot = hash(oldKeys[i]) & mask;
                    while (ids[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    ids[slot] = oldIds[i];
                }
            }
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
