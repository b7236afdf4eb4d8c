package dev.markata.profiler.process;

import dev.markata.profiler.Session;

import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The raw tree of the last session built, per layout (aggregated, timeline), for the next
 * report of the same session: a profiled build writes the pyinstrument JSON on a writer thread
 * while its console summary renders the text tree, and each built the whole raw tree (~50 ms of
 * CPU at 10,000 posts, on two cores busy with both). A report asked for while another builds
 * the tree waits for it. Trees are immutable, so sharing one changes no output.
 *
 * <p>The session is held weakly (a session no one keeps is not kept here) and the tree softly
 * (a long-lived process, {@code serve --watch}, gives it up under memory pressure); either
 * cleared, or the build failed, the tree is built again by whoever asks.
 */
final class SharedTrees {

    private static final Shared[] LAST = new Shared[2]; // [0] aggregated, [1] timeline; guarded by itself

    private SharedTrees() {
    }

    /** The raw tree of {@code session} in the {@code timeline} layout, built by {@code build} unless shared. */
    static CallNode of(Session session, boolean timeline, Supplier<CallNode> build) {
        int slot = timeline ? 1 : 0;
        Shared shared;
        boolean mine = false;
        synchronized (LAST) {
            shared = LAST[slot];
            if (shared == null || !shared.holds(session)) {
                shared = new Shared(session);
                LAST[slot] = shared;
                mine = true;
            }
        }
        if (mine) {
            CallNode tree = null;
            try {
                tree = build.get();
                return tree;
            } finally {
                shared.finish(tree);
            }
        }
        CallNode tree = shared.await();
        return tree != null ? tree : build.get();
    }

    /** One session's tree: being built, built, or gone (failed or cleared). */
    private static final class Shared {
        private final WeakReference<Session> session;
        private final CountDownLatch built = new CountDownLatch(1);
        private volatile SoftReference<CallNode> tree;

        Shared(Session session) {
            this.session = new WeakReference<>(session);
        }

        /** For {@code session}, and still being built or still held. */
        boolean holds(Session session) {
            if (this.session.get() != session) {
                return false;
            }
            SoftReference<CallNode> done = tree;
            return built.getCount() > 0 || done != null && done.get() != null;
        }

        void finish(CallNode result) {
            tree = result == null ? null : new SoftReference<>(result);
            built.countDown();
        }

        /** The tree once built; null if its build failed or it was cleared. */
        CallNode await() {
            boolean interrupted = false;
            while (true) {
                try {
                    built.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the build is short; wait for it, then restore the flag
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            SoftReference<CallNode> done = tree;
            return done == null ? null : done.get();
        }
    }
}
