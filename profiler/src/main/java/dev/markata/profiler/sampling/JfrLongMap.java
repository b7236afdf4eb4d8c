package dev.markata.profiler.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A map from long keys to non-null values, without boxing (the code runs under C1): the
 * types and constant pools of {@link JfrSampleReader}, by their JFR ids and keys. Keys
 * async-profiler writes are small and dense (1, 2, 3... per pool), so those index an array
 * directly; other keys (the JDK's, or a damaged file's) go to an open-addressing table. The
 * array grows only while keys stay dense, so a bogus key cannot make it huge.
 */
final class JfrLongMap<V> {
    private Object[] dense = new Object[64];
    private int denseCount;
    private long[] keys = NO_KEYS;
    private Object[] values = NO_VALUES;
    private int size;
    private final int expected;

    JfrLongMap() {
        this(8);
    }

    /** {@code expected}: how many entries are coming (a pool's count), to size the table once. */
    JfrLongMap(int expected) {
        this.expected = Math.max(8, Math.min(expected, 1 << 20));
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        Object[] d = dense;
        if (key >= 0 && key < d.length) {
            return (V) d[(int) key];
        }
        if (size == 0) {
            return null;
        }
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            Object value = values[i];
            if (value == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) value;
            }
        }
    }

    /** A later entry with the same key wins, as in the JDK's parser. */
    void put(long key, V value) {
        if (key >= 0 && key < dense.length) {
            if (dense[(int) key] == null) {
                denseCount++;
            }
            dense[(int) key] = value;
            return;
        }
        if (key >= 0 && key < 4L * (denseCount + size) + 1024) {
            dense = Arrays.copyOf(dense, (int) Math.max(key + 1, dense.length * 2L));
            if (size > 0) { // keys of the table that the array now covers move to it
                long[] oldKeys = keys;
                Object[] oldValues = values;
                keys = new long[oldKeys.length];
                values = new Object[oldKeys.length];
                size = 0;
                for (int j = 0; j < oldKeys.length; j++) {
                    if (oldValues[j] != null) {
                        @SuppressWarnings("unchecked") V moved = (V) oldValues[j];
                        put(oldKeys[j], moved);
                    }
                }
            }
            put(key, value);
            return;
        }
        if (keys.length == 0) {
            int capacity = Integer.highestOneBit(expected * 2 - 1) << 1;
            keys = new long[capacity];
            values = new Object[capacity];
        }
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    List<V> values() {
        List<V> list = new ArrayList<>(denseCount + size);
        for (Object value : dense) {
            if (value != null) {
                list.add((V) value);
            }
        }
        for (Object value : values) {
            if (value != null) {
                list.add((V) value);
            }
        }
        return list;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != null) {
                int i = hash(oldKeys[j]) & mask;
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static final long[] NO_KEYS = {};
    private static final Object[] NO_VALUES = {};

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
