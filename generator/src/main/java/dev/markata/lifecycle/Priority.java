package dev.markata.lifecycle;

/**
 * Where a hook runs within its stage, like markata's {@code tryfirst} / {@code trylast}: all
 * FIRST hooks, then NORMAL, then LAST; within one priority, in the order of the {@code hooks}
 * list.
 */
public enum Priority {
    FIRST, NORMAL, LAST
}
