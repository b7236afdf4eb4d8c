package dev.markata.profiler;

/**
 * Marks a class whose methods only pass tasks to {@link Profiler#decorate} (or a wrapped
 * executor) on behalf of their caller, such as a task decorator a framework calls for every
 * task. Where a handed-over task is grafted (at the submitter's stack), frames of such classes
 * at the submitting end are left out, together with the profiler's own: the work shows under
 * the code that handed it over, not under the plumbing that carried it.
 */
public interface HandOff {
}
