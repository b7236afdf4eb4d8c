package dev.markata.profiler.process;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.model.ThreadState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the raw call tree of a session in one pass over its samples: a root with one child per
 * thread, handed-over tasks grafted under their submitter (per the session's {@link AsyncMode}).
 *
 * <p>Aggregated trees are built straight from the stack table (each distinct stack is inserted
 * once per graft point and remembered), so the cost grows with samples plus distinct stacks, not
 * with samples times depth. Timeline trees reuse a child only if it is the last one added, so
 * re-entering a method later in time makes a new node.
 */
final class TreeBuilder {

    /** The category the profiler gives spans that mark waiting on handed-over work. */
    static final String AWAIT_CATEGORY = "await";
    private static final int SELF_KEY = -2;
    private static final int AWAIT_KEY = -3;
    private static final int OUT_OF_CONTEXT_KEY = -4;

    private final Session session;
    private final StackTable stacks;
    private final boolean timeline;
    private final boolean graft;
    private final boolean strict;
    private final Node root = new Node(CallNode.Kind.ROOT, -1, CallNode.syntheticFrame("[all threads]"), -1);
    private final Map<Long, Node> threadNodes = new LinkedHashMap<>();
    /** Per span: the nearest enclosing-or-same span that is a handed-over task, or NONE. */
    private final int[] taskOf;
    /** Per span: whether it marks waiting for handed-over work (an "await" span, or inside one, within its task). */
    private final boolean[] awaiting;
    private final Node[] taskBase;
    private final Set<Long> helperThreads = new HashSet<>();
    /** What each sample stands for in this tree (set by {@link #build}). */
    private WallShares shares;
    /**
     * Per stack: the innermost task-entry frame's stack ({@link FrameFilters#isTaskEntry}), or
     * EMPTY; filled as stacks are met ({@link #UNKNOWN} until then).
     */
    private final int[] taskEntry;
    private static final int UNKNOWN = -2;
    private int nextNodeId;

    TreeBuilder(Session session, boolean timeline) {
        this.session = session;
        this.stacks = session.stacks();
        this.timeline = timeline;
        this.graft = session.asyncMode() != AsyncMode.DISABLED;
        this.strict = session.asyncMode() == AsyncMode.STRICT;
        List<Span> spans = session.spans();
        this.taskOf = new int[spans.size()];
        this.awaiting = new boolean[spans.size()];
        this.taskBase = new Node[spans.size()];
        indexSpans(spans);
        for (ThreadProfile thread : session.threads()) {
            threadNodes.put(thread.threadId(), newThreadNode(thread));
        }
        this.taskEntry = new int[graft ? stacks.size() : 0];
        Arrays.fill(taskEntry, UNKNOWN);
    }

    /**
     * A small method of its own calling one per span, not the constructor's loop: under the
     * launcher's C1-only JIT a method is compiled after 50 calls, a loop (and all of its method
     * with it) after 10,000 turns, the turns before in the interpreter.
     */
    private void indexSpans(List<Span> spans) {
        for (int i = 0; i < spans.size(); i++) {
            indexSpan(i, spans.get(i));
        }
    }

    /** Notes span {@code i}'s task (its own id, its parent's task) and whether it is inside an await span. */
    private void indexSpan(int i, Span span) {
        int parent = span.parentId();
        boolean task = span.originStackId() != StackTable.EMPTY;
        awaiting[i] = !task && (AWAIT_CATEGORY.equals(span.category())
                || (parent >= 0 && parent < i && awaiting[parent]));
        if (task) {
            taskOf[i] = i;
            helperThreads.add(span.threadId());
        } else if (parent >= 0 && parent < i) {
            taskOf[i] = taskOf[parent];
        } else {
            taskOf[i] = parent == Span.NONE ? Span.NONE : taskOfSlow(parent);
        }
    }

    private int taskOfSlow(int spanId) {
        List<Span> spans = session.spans();
        int guard = spans.size();
        for (int s = spanId; s >= 0 && s < spans.size() && guard-- > 0; s = spans.get(s).parentId()) {
            if (spans.get(s).originStackId() != StackTable.EMPTY) {
                return s;
            }
        }
        return Span.NONE;
    }

    CallNode build() {
        List<ThreadProfile> threads = session.threads();
        int[][] awaitPoints = graft ? awaitPoints(threads) : null;
        shares = graft ? wallShares(threads, awaitPoints) : WallShares.unscaled(threads);
        if (timeline) {
            for (SampleRef ref : chronological()) {
                add(ref.thread, ref.sample, awaitPoints);
            }
        } else {
            for (int t = 0; t < threads.size(); t++) {
                for (int i = 0; i < threads.get(t).samples().size(); i++) {
                    add(t, i, awaitPoints);
                }
            }
        }
        List<CallNode> frozenThreads = new ArrayList<>();
        for (Node node : threadNodes.values()) {
            CallNode frozen = node.freeze(timeline);
            if (frozen.totalNanos() > 0 || frozen.sampleCount() > 0) {
                frozenThreads.add(frozen);
            }
        }
        return new CallNode(CallNode.Kind.ROOT, root.frame, -1, 0, 0, 0, Long.MAX_VALUE, frozenThreads, 0, List.of());
    }

    /**
     * Per thread, per sample: where the tree shows the sample as {@code [await]} (the stack it
     * goes under), or {@link #NO_AWAIT}. Worked out in each thread's time order, before the tree
     * is built, because the wall shares of the workers' samples depend on it.
     */
    private int[][] awaitPoints(List<ThreadProfile> threads) {
        AwaitTracker awaits = new AwaitTracker();
        int[][] points = new int[threads.size()][];
        waitedTasks = new int[threads.size()][];
        for (int t = 0; t < threads.size(); t++) {
            ThreadProfile thread = threads.get(t);
            List<Sample> samples = thread.samples();
            points[t] = new int[samples.size()];
            waitedTasks[t] = new int[samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                Sample sample = samples.get(i);
                int task = taskOf(sample);
                if (task == Span.NONE && strict && helperThreads.contains(thread.threadId())) {
                    points[t][i] = NO_AWAIT; // [out-of-context]
                    waitedTasks[t][i] = WallShares.NOT_WAITING;
                    continue;
                }
                boolean marked = sample.spanId() >= 0 && sample.spanId() < awaiting.length && awaiting[sample.spanId()];
                points[t][i] = awaits.awaitPoint(thread.threadId(), sample, marked);
                waitedTasks[t][i] = points[t][i] == NO_AWAIT ? WallShares.NOT_WAITING : awaits.waitedTask;
            }
        }
        return points;
    }

    /** Per thread, per sample: the task an [await] sample waited for (set with the await points). */
    private int[][] waitedTasks;

    private WallShares wallShares(List<ThreadProfile> threads, int[][] awaitPoints) {
        Map<Long, Integer> indexOf = new HashMap<>();
        for (int t = 0; t < threads.size(); t++) {
            indexOf.put(threads.get(t).threadId(), t);
        }
        List<Span> spans = session.spans();
        int[] depth = new int[spans.size()];
        int[] submitter = new int[spans.size()];
        int[] batch = new int[spans.size()];
        Arrays.fill(submitter, -1);
        for (int i = 0; i < spans.size(); i++) {
            if (taskOf[i] == i) {
                depth[i] = taskDepth(i, 0);
                submitter[i] = indexOf.getOrDefault(submitterThread(spans.get(i)), -1);
                batch[i] = spans.get(i).parentId();
            }
        }
        return WallShares.compute(threads, taskOf, depth, submitter, batch, waitedTasks);
    }

    /** 1 for a task handed over outside any task, 2 inside one, and so on (a damaged session's cycle stops). */
    private int taskDepth(int task, int guard) {
        int parent = session.spans().get(task).parentId();
        int parentTask = parent >= 0 && parent < taskOf.length ? taskOf[parent] : Span.NONE;
        if (parentTask == Span.NONE || parentTask == task || guard > taskOf.length) {
            return 1;
        }
        return 1 + taskDepth(parentTask, guard + 1);
    }

    private int taskOf(Sample sample) {
        return sample.spanId() >= 0 && sample.spanId() < taskOf.length ? taskOf[sample.spanId()] : Span.NONE;
    }

    private void add(int threadIndex, int sampleIndex, int[][] awaitPoints) {
        ThreadProfile thread = session.threads().get(threadIndex);
        long threadId = thread.threadId();
        Sample sample = thread.samples().get(sampleIndex);
        long wall = shares.wallNanos(threadIndex, sampleIndex);
        long threadTime = shares.threadNanos(threadIndex, sampleIndex);
        Node threadNode = threadNodes.get(threadId);
        int task = taskOf(sample);
        Node base = threadNode;
        if (graft) {
            if (task != Span.NONE) {
                base = taskBase(task);
            } else if (strict && helperThreads.contains(threadId)) {
                addSynthetic(threadNode, CallNode.Kind.OUT_OF_CONTEXT, OUT_OF_CONTEXT_KEY, sample, wall, threadTime);
                return;
            }
            int awaitPoint = awaitPoints[threadIndex][sampleIndex];
            if (awaitPoint != NO_AWAIT) {
                Node at = insert(base, awaitPoint);
                addSynthetic(at, CallNode.Kind.AWAIT, AWAIT_KEY, sample, wall, threadTime);
                return;
            }
        }
        Node leaf = insert(base, sample.stackId());
        if (timeline && !leaf.children.isEmpty()) {
            // Own time after children were seen goes in time order among them.
            addSynthetic(leaf, CallNode.Kind.SELF, SELF_KEY, sample, wall, threadTime);
        } else {
            // Own time before any child: freeze() puts it first if children come later.
            leaf.selfNanos += wall;
            leaf.selfThreadNanos += threadTime;
            leaf.selfSamples += sample.count();
            leaf.start = Math.min(leaf.start, sample.startNanos());
        }
    }

    private void addSynthetic(Node parent, CallNode.Kind kind, int key, Sample sample, long wall, long threadTime) {
        Node node = parent.child(key, kind, null, timeline, this);
        node.selfNanos += wall;
        node.selfThreadNanos += threadTime;
        node.selfSamples += sample.count();
        node.start = Math.min(node.start, sample.startNanos());
    }

    /** The node under which a task's samples go: its submitter's stack, under the submitter's own graft point. */
    private Node taskBase(int task) {
        Node cached = taskBase[task];
        if (cached != null) {
            return cached;
        }
        Span span = session.spans().get(task);
        Node base;
        int parent = span.parentId();
        int parentTask = parent >= 0 && parent < taskOf.length ? taskOf[parent] : Span.NONE;
        if (parentTask != Span.NONE && parentTask != task) {
            base = taskBase(parentTask);
        } else {
            base = threadNodes.get(submitterThread(span));
        }
        int origin = span.originStackId();
        // An origin outside the table (a damaged session) grafts at the submitter's root, not fail.
        Node node = origin >= 0 && origin < stacks.size() ? insert(base, origin) : base;
        node.taskBase = true;
        taskBase[task] = node;
        return node;
    }

    /** The thread that handed {@code task} over: the thread of the span open when it was submitted. */
    long submitterThread(Span task) {
        int parent = task.parentId();
        if (parent >= 0 && parent < session.spans().size()) {
            long thread = session.spans().get(parent).threadId();
            if (threadNodes.containsKey(thread)) {
                return thread;
            }
        }
        return primaryThread();
    }

    private long primaryThread() {
        if (threadNodes.isEmpty()) {
            // A task with no thread samples at all: give it a home rather than lose it.
            threadNodes.put(-1L, new Node(CallNode.Kind.THREAD, -1, CallNode.syntheticFrame("[thread ?]"), nextNodeId++));
            return -1L;
        }
        return threadNodes.keySet().iterator().next();
    }

    private Node newThreadNode(ThreadProfile thread) {
        Node node = new Node(CallNode.Kind.THREAD, thread.threadId(),
                CallNode.syntheticFrame("[thread " + threadLabel(thread) + "]"), nextNodeId++);
        return node;
    }

    /** Names used by more than one thread of the session; made at the first thread node. */
    private Set<String> sharedNames;

    /**
     * {@code main}, or {@code worker (thread 12)} when another thread of the session has the
     * same name (two pools' "worker", a thread started again under a dead one's name): reports
     * that key threads by their label (collapsed stacks) would otherwise add two threads
     * together. The id is said as speedscope's profile names say it.
     */
    private String threadLabel(ThreadProfile thread) {
        if (sharedNames == null) {
            Set<String> seen = new HashSet<>();
            sharedNames = new HashSet<>();
            for (ThreadProfile other : session.threads()) {
                if (!seen.add(other.name())) {
                    sharedNames.add(other.name());
                }
            }
        }
        return sharedNames.contains(thread.name()) ? thread.name() + " (thread " + thread.threadId() + ")" : thread.name();
    }

    /**
     * The node for {@code stackId}'s frames below {@code base}, creating what is missing. Under a
     * task's base only the frames above the task's entry ({@link FrameFilters#isTaskEntry}): the
     * pool's machinery on the worker's stack below it is not part of the task.
     */
    private Node insert(Node base, int stackId) {
        return insertAbove(base, stackId, base.taskBase ? taskEntryOf(stackId) : StackTable.EMPTY);
    }

    /** The node for the frames of {@code stackId} above {@code cut} (EMPTY, or a stack it runs through). */
    private Node insertAbove(Node base, int stackId, int cut) {
        if (stackId == StackTable.EMPTY || stackId == cut) {
            return base;
        }
        if (timeline) {
            int[] frames = stacks.framesRootFirst(stackId);
            Node node = base;
            for (int i = cut == StackTable.EMPTY ? 0 : stacks.depth(cut); i < frames.length; i++) {
                node = node.child(frames[i], CallNode.Kind.FRAME, session.frames().get(frames[i]), true, this);
            }
            return node;
        }
        if (base.inserted == null) {
            base.inserted = new HashMap<>();
        }
        Node known = base.inserted.get(stackId);
        if (known != null) {
            return known;
        }
        Node parent = insertAbove(base, stacks.parentId(stackId), cut);
        int frame = stacks.frameId(stackId);
        Node node = parent.child(frame, CallNode.Kind.FRAME, session.frames().get(frame), false, this);
        base.inserted.put(stackId, node);
        return node;
    }

    /** {@link #taskEntry} of {@code stackId}, working it out (and its parents') on first use. */
    private int taskEntryOf(int stackId) {
        if (stackId == StackTable.EMPTY || stackId >= taskEntry.length) {
            return StackTable.EMPTY;
        }
        if (taskEntry[stackId] != UNKNOWN) {
            return taskEntry[stackId];
        }
        List<Integer> chain = new ArrayList<>();
        int s = stackId;
        while (s != StackTable.EMPTY && taskEntry[s] == UNKNOWN) {
            chain.add(s);
            s = stacks.parentId(s);
        }
        int entry = s == StackTable.EMPTY ? StackTable.EMPTY : taskEntry[s];
        for (int i = chain.size() - 1; i >= 0; i--) {
            int id = chain.get(i);
            if (FrameFilters.isTaskEntry(session.frames().get(stacks.frameId(id)))) {
                entry = id;
            }
            taskEntry[id] = entry;
        }
        return entry;
    }

    private List<SampleRef> chronological() {
        List<SampleRef> all = new ArrayList<>();
        List<ThreadProfile> threads = session.threads();
        for (int t = 0; t < threads.size(); t++) {
            for (int i = 0; i < threads.get(t).samples().size(); i++) {
                all.add(new SampleRef(t, i, threads.get(t).samples().get(i).startNanos()));
            }
        }
        // Stable: samples of one thread keep their order when starts tie.
        all.sort(Comparator.comparingLong(SampleRef::start));
        return all;
    }

    private record SampleRef(int thread, int sample, long start) {
    }

    private static final int NO_AWAIT = Integer.MIN_VALUE;

    /**
     * Finds samples where a thread waits while work it handed over is running. Each thread's
     * samples arrive in time order, so a sweep over its tasks (sorted by start, with a queue of
     * the running ones by end) answers each sample in amortised constant time.
     */
    private final class AwaitTracker {
        private final Map<Long, List<Span>> tasksBySubmitter = new HashMap<>();
        private final Map<Long, Sweep> sweeps = new HashMap<>();
        /** After {@link #awaitPoint}: the task the sample waited for (of those running, the first to end), or NONE. */
        int waitedTask = Span.NONE;

        AwaitTracker() {
            for (Span span : session.spans()) {
                if (span.originStackId() != StackTable.EMPTY) {
                    tasksBySubmitter.computeIfAbsent(submitterThread(span), t -> new ArrayList<>()).add(span);
                }
            }
            for (List<Span> tasks : tasksBySubmitter.values()) {
                if (!byStart(tasks)) { // they nearly always are (ids follow opening); a check is cheaper
                    tasks.sort(Comparator.comparingLong(Span::startNanos));
                }
            }
        }

        /**
         * The stack under which the waiting sample's time shows as {@code [await]}: where the
         * waiting stack and the submitting stack meet. {@link #NO_AWAIT} if the sample is not
         * waiting on handed-over work.
         */
        int awaitPoint(long threadId, Sample sample, boolean markedAwait) {
            waitedTask = Span.NONE;
            List<Span> tasks = tasksBySubmitter.get(threadId);
            if (tasks == null || (!markedAwait && !isWaiting(sample))) {
                return markedAwait ? innermostApplicationStack(sample.stackId()) : NO_AWAIT;
            }
            Sweep sweep = sweeps.computeIfAbsent(threadId, t -> new Sweep());
            if (sample.startNanos() < sweep.lastStart) {
                sweep.reset(); // timeline order differs from per-thread order only on ties; be safe
            }
            sweep.lastStart = sample.startNanos();
            while (sweep.next < tasks.size() && tasks.get(sweep.next).startNanos() < sample.endNanos()) {
                Span task = tasks.get(sweep.next++);
                if (task.endNanos() > sample.startNanos()) { // else it would be dropped below at once
                    sweep.running.add(task.endNanos(), task.originStackId(), task.id());
                }
            }
            while (!sweep.running.isEmpty() && sweep.running.minEnd() <= sample.startNanos()) {
                sweep.running.poll();
            }
            if (sweep.running.isEmpty()) {
                return markedAwait ? innermostApplicationStack(sample.stackId()) : NO_AWAIT;
            }
            waitedTask = sweep.running.minTask();
            return commonStack(sample.stackId(), sweep.running.minOrigin());
        }

        private boolean isWaiting(Sample sample) {
            if (sample.state() == ThreadState.WAITING) {
                return true;
            }
            if (sample.state() != ThreadState.UNKNOWN || sample.stackId() == StackTable.EMPTY) {
                return false;
            }
            return FrameFilters.isBlockingCall(session.frames().get(stacks.frameId(sample.stackId())));
        }

        private final class Sweep {
            int next;
            long lastStart = Long.MIN_VALUE;
            final EndHeap running = new EndHeap();

            void reset() {
                next = 0;
                running.clear();
            }
        }
    }

    private static boolean byStart(List<Span> spans) {
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i).startNanos() < spans.get(i - 1).startNanos()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The running tasks of a sweep, the first to end on top: a min-heap of (end, origin stack)
     * in primitive arrays. A submitter's waiting sample can span a whole hook, so every one of
     * its 10,000 tasks is in the heap at once; a {@code PriorityQueue<Span>} with a comparator
     * made the await look-up most of the tree's build time under the C1-only JIT.
     */
    static final class EndHeap {
        private long[] ends = new long[16];
        private int[] origins = new int[16];
        private int[] tasks = new int[16];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        long minEnd() {
            return ends[0];
        }

        int minOrigin() {
            return origins[0];
        }

        int minTask() {
            return tasks[0];
        }

        void clear() {
            size = 0;
        }

        void add(long end, int origin, int task) {
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
                origins = Arrays.copyOf(origins, size * 2);
                tasks = Arrays.copyOf(tasks, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (ends[parent] <= end) {
                    break;
                }
                ends[i] = ends[parent];
                origins[i] = origins[parent];
                tasks[i] = tasks[parent];
                i = parent;
            }
            ends[i] = end;
            origins[i] = origin;
            tasks[i] = task;
        }

        void poll() {
            size--;
            if (size == 0) {
                return;
            }
            long end = ends[size];
            int origin = origins[size];
            int task = tasks[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && ends[child + 1] < ends[child]) {
                    child++;
                }
                if (ends[child] >= end) {
                    break;
                }
                ends[i] = ends[child];
                origins[i] = origins[child];
                tasks[i] = tasks[child];
                i = child;
            }
            ends[i] = end;
            origins[i] = origin;
            tasks[i] = task;
        }
    }

    /**
     * {@code stackId} cut back to its innermost application frame (where the program itself
     * waits), or the whole stack when it has none.
     */
    int innermostApplicationStack(int stackId) {
        for (int s = stackId; s != StackTable.EMPTY; s = stacks.parentId(s)) {
            if (session.frames().get(stacks.frameId(s)).kind() == FrameKind.APPLICATION) {
                return s;
            }
        }
        return stackId;
    }

    /**
     * The longest common prefix of two stacks, comparing frames by method (not line: a method
     * that submits on one line and waits on another is the same caller). Returns {@code a}'s
     * stack at that depth, {@link StackTable#EMPTY} if even the roots differ.
     */
    int commonStack(int a, int b) {
        int[] pathA = pathRootFirst(a);
        int[] pathB = pathRootFirst(b);
        // The JDK's plumbing (lambda proxies, reflection) is stepped over on either side: a
        // sampler sees a lambda's proxy frame, a stack walk at submit time does not, and the two
        // stacks still mean the same caller.
        int i = 0;
        int j = 0;
        int common = StackTable.EMPTY;
        while (true) {
            while (i < pathA.length && isPlumbing(pathA[i])) {
                i++;
            }
            while (j < pathB.length && isPlumbing(pathB[j])) {
                j++;
            }
            if (i == pathA.length || j == pathB.length
                    || !sameMethod(stacks.frameId(pathA[i]), stacks.frameId(pathB[j]))) {
                return common;
            }
            common = pathA[i];
            i++;
            j++;
        }
    }

    private boolean isPlumbing(int stackId) {
        return FrameFilters.isJdkPlumbing(session.frames().get(stacks.frameId(stackId)));
    }

    private boolean sameMethod(int frameA, int frameB) {
        if (frameA == frameB) {
            return true;
        }
        Frame x = session.frames().get(frameA);
        Frame y = session.frames().get(frameB);
        return x.methodName().equals(y.methodName()) && x.shownClassName().equals(y.shownClassName())
                && x.shownFileName().equals(y.shownFileName());
    }

    /** The stack ids from the root to {@code stackId}. */
    private int[] pathRootFirst(int stackId) {
        int depth = stackId == StackTable.EMPTY ? 0 : stacks.depth(stackId);
        int[] path = new int[depth];
        for (int s = stackId, i = depth - 1; s != StackTable.EMPTY; s = stacks.parentId(s), i--) {
            path[i] = s;
        }
        return path;
    }

    /** A node while the tree is being built. */
    static final class Node {
        final CallNode.Kind kind;
        final long threadId;
        final Frame frame;
        final int id;
        long selfNanos;
        long selfThreadNanos;
        long selfSamples;
        long start = Long.MAX_VALUE;
        int key;
        final List<Node> children = new ArrayList<>(2);
        Map<Integer, Node> index;
        /** For a graft point (thread or task base): stack id -> node below it, for aggregated trees. */
        Map<Integer, Node> inserted;
        /** Handed-over tasks are grafted here: stacks inserted below it start above the task's entry. */
        boolean taskBase;

        Node(CallNode.Kind kind, long threadId, Frame frame, int id) {
            this.kind = kind;
            this.threadId = threadId;
            this.frame = frame;
            this.id = id;
        }

        /** The child for {@code key} (a frame id, or a synthetic kind's key), made if missing. */
        Node child(int key, CallNode.Kind kind, Frame frame, boolean lastOnly, TreeBuilder builder) {
            if (lastOnly) {
                if (!children.isEmpty()) {
                    Node last = children.get(children.size() - 1);
                    if (last.key == key) {
                        return last;
                    }
                }
            } else if (index != null) {
                Node found = index.get(key);
                if (found != null) {
                    return found;
                }
            } else {
                for (Node child : children) {
                    if (child.key == key) {
                        return child;
                    }
                }
            }
            Frame shown = frame != null ? frame : CallNode.syntheticFrame(CallNode.labelOf(kind));
            Node node = new Node(kind, -1, shown, builder.nextNodeId++);
            node.key = key;
            children.add(node);
            if (!lastOnly) {
                if (index == null && children.size() > 8) {
                    index = new HashMap<>();
                    for (Node child : children) {
                        index.put(child.key, child);
                    }
                } else if (index != null) {
                    index.put(key, node);
                }
            }
            return node;
        }

        CallNode freeze(boolean timeline) {
            List<CallNode> frozen = new ArrayList<>(children.size() + 1);
            long first = start;
            if (timeline && selfNanos > 0 && !children.isEmpty() && kind != CallNode.Kind.SELF
                    && kind != CallNode.Kind.AWAIT && kind != CallNode.Kind.OUT_OF_CONTEXT) {
                // In a timeline, own time kept on the node was all spent before its first child.
                frozen.add(CallNode.synthetic(CallNode.Kind.SELF, selfNanos, selfThreadNanos, selfSamples, start));
                selfNanos = 0;
                selfThreadNanos = 0;
                selfSamples = 0;
            }
            for (Node child : children) {
                frozen.add(child.freeze(timeline));
            }
            return new CallNode(kind, frame, threadId, selfNanos, selfThreadNanos, selfSamples, first, frozen, 0,
                    List.of());
        }
    }
}
