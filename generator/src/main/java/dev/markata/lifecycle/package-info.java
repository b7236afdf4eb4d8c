/**
 * How a build runs: the {@link dev.markata.lifecycle.Stage}s in markata's order, hooks ordered
 * by {@link dev.markata.lifecycle.Priority} then list order ({@link dev.markata.lifecycle.StageRunner}),
 * teardown exactly once, per-document work on the {@link dev.markata.lifecycle.BuildExecutor}
 * with its context (stage, plugin, document), and what can be observed: events
 * ({@link dev.markata.lifecycle.BuildObserver}), task wrapping
 * ({@link dev.markata.lifecycle.TaskDecorator}), times ({@link dev.markata.lifecycle.BuildTimings})
 * and failures ({@link dev.markata.lifecycle.BuildFailure}, {@link dev.markata.lifecycle.BuildException}).
 */
package dev.markata.lifecycle;
