/**
 * Call trees and the processing between a {@link dev.markata.profiler.Session} and a report:
 * pyinstrument's pipeline, JVM flavour. Every step is a small pure function from a tree to a new
 * tree ({@link dev.markata.profiler.process.TreeProcessors}); {@link dev.markata.profiler.process.CallTrees#process}
 * runs them in this order:
 * <ol>
 *   <li><b>build</b> ({@link dev.markata.profiler.process.CallTrees#build}): one root, a node per
 *       thread; in {@code ENABLED}/{@code STRICT} async mode, samples of handed-over tasks (spans with an
 *       origin stack, and spans inside them) are grafted under the submitter's stack, the
 *       submitter's waiting while they run becomes {@code [await]} where its waiting and
 *       submitting stacks meet, and in {@code STRICT} mode a helper thread's other samples become
 *       {@code [out-of-context]};</li>
 *   <li><b>reclassify</b> by show/hide class-name patterns ({@link dev.markata.profiler.process.FramePatterns});</li>
 *   <li><b>remove the profiler's own frames</b> (always) and <b>the JDK's plumbing</b>
 *       (reflection, method handles, lambda forms; not with show-all): children move up to the caller;</li>
 *   <li><b>aggregate</b> repeated calls (by method, not line), or for a timeline merge only
 *       adjacent ones;</li>
 *   <li><b>merge consecutive self time</b>, then fold a lone {@code [self]} child into its parent;</li>
 *   <li><b>group library frames</b> into {@code [N frames hidden: jdk, commonmark]} nodes (not
 *       with show-all), counting every library method of the run, as the HTML report does;</li>
 *   <li><b>remove irrelevant nodes</b> below the threshold share of their thread (not with
 *       show-all); their time stays in the parent's total as absorbed time;</li>
 *   <li><b>add {@code [self]} nodes</b> where a node has both children and own time;</li>
 *   <li><b>sort</b> children by time (not for a timeline).</li>
 * </ol>
 * {@link dev.markata.profiler.process.SpanTimes} answers the build report's questions (time per
 * stage, hook or document; work versus waiting) straight from the samples.
 */
package dev.markata.profiler.process;
