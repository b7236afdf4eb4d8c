/**
 * Documents and output: the immutable {@link dev.markata.content.Post} and the
 * {@link dev.markata.content.OutputDir} every page is written through (atomically, only when
 * changed, never outside the output folder).
 */
package dev.markata.content;
