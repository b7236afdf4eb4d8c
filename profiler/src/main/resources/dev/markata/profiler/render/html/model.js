// The profile model: the embedded session JSON (dev.markata.profiler.io.SessionJson, format
// "markata-profile" v2; v1, of older saved sessions, is read too) decoded into typed arrays,
// and the call tree the views share.

const KIND_APP = 0, KIND_LIB = 1, KIND_SYNTHETIC = 2;
const STATE_RUNNING = 0, STATE_WAITING = 1, STATE_UNKNOWN = 2;

/** Decodes session JSON text; throws an Error naming what is wrong when it is not a session. */
function parseProfile(text) {
  let d;
  try {
    d = JSON.parse(text);
  } catch (e) {
    throw new Error("not JSON: " + e.message);
  }
  if (!d || d.format !== "markata-profile") throw new Error("not a markata-profile session (format is " + (d && d.format) + ")");
  if (d.version !== 1 && d.version !== 2) throw new Error("session format version " + d.version + " is not supported; this page reads versions 1 and 2");
  const S = d.strings;
  const frames = [];
  for (let i = 0; i < d.frames.length; i += 5) {
    const cls = S[d.frames[i]], method = S[d.frames[i + 1]], file = S[d.frames[i + 2]];
    frames.push(makeFrame(cls, method, file, d.frames[i + 3], d.frames[i + 4]));
  }
  // One key per method (shown class + method + file, as CallNode.mergeKey): calls of a method
  // from different lines, and two hidden lambda classes of one call site, are one call tree
  // node, as in the Java reports and pyinstrument.
  const methodKey = new Int32Array(frames.length);
  const firstOfMethod = new Map();
  frames.forEach((f, i) => {
    const hidden = f.cls.includes("$$Lambda") || f.shownCls !== f.cls; // file: as Frame.shownFileName
    const k = f.shownCls + "\u0000" + f.method + "\u0000" + (hidden ? "" : f.file);
    let first = firstOfMethod.get(k);
    if (first === undefined) firstOfMethod.set(k, first = i);
    methodKey[i] = first;
  });
  const nStacks = d.stacks.length / 2;
  const stackParent = new Int32Array(nStacks), stackFrame = new Int32Array(nStacks), stackDepth = new Int32Array(nStacks);
  for (let i = 0; i < nStacks; i++) {
    const p = d.stacks[2 * i];
    stackParent[i] = p;
    stackFrame[i] = d.stacks[2 * i + 1];
    stackDepth[i] = p < 0 ? 1 : stackDepth[p] + 1;
  }
  let sampleCount = 0, rows = 0;
  const threads = d.threads.map((t, index) => {
    const n = t.samples.length / 6;
    const start = new Float64Array(n), dur = new Float64Array(n), stack = new Int32Array(n);
    const state = new Uint8Array(n), span = new Int32Array(n), count = new Int32Array(n);
    let end = 0, total = 0;
    const r = t.samples;
    for (let i = 0, j = 0; i < n; i++, j += 6) {
      start[i] = end + r[j];
      dur[i] = r[j + 1];
      end = start[i] + dur[i];
      stack[i] = r[j + 2];
      state[i] = r[j + 3];
      span[i] = r[j + 4];
      count[i] = r[j + 5];
      sampleCount += count[i];
      total += dur[i];
    }
    rows += n;
    return { index, id: t.id, name: t.name, n, start, dur, stack, state, span, count, total, end };
  });
  const spans = [];
  if (d.version === 1) {
    for (let i = 0, id = 0; i < d.spans.length; i += 7, id++) {
      spans.push({
        id, parent: d.spans[i], category: S[d.spans[i + 1]], name: S[d.spans[i + 2]], thread: d.spans[i + 3],
        start: d.spans[i + 4], end: d.spans[i + 5], origin: d.spans[i + 6], attrs: d.spanAttributes[id] || {}
      });
    }
  } else {
    // v2: parent and start as gaps, attributes as an index into the distinct attribute sets.
    const sets = d.spanAttributeSets.map(pairs => {
      const attrs = {};
      for (let k = 0; k < pairs.length; k += 2) attrs[S[pairs[k]]] = S[pairs[k + 1]];
      return attrs;
    });
    const noAttrs = {};
    let start = 0;
    for (let i = 0, id = 0; i < d.spans.length; i += 8, id++) {
      start += d.spans[i + 4];
      const gap = d.spans[i], set = d.spans[i + 7];
      spans.push({
        id, parent: gap === 0 ? -1 : id - gap, category: S[d.spans[i + 1]], name: S[d.spans[i + 2]],
        thread: d.spans[i + 3], start, end: start + d.spans[i + 5], origin: d.spans[i + 6],
        attrs: set < 0 ? noAttrs : sets[set]
      });
    }
  }
  return {
    startedAt: d.startedAt, duration: d.durationNanos, interval: d.intervalNanos, cpuTime: d.cpuTimeNanos,
    target: d.target, sampler: d.sampler, asyncMode: d.asyncMode, timeMode: d.timeMode, metadata: d.metadata || {},
    frames, methodKey, stackParent, stackFrame, stackDepth, threads, spans, sampleCount, rows, jvm: parseJvm(d.jvm, S)
  };
}

/**
 * What the JVM itself did (SessionJson's "jvm": JvmActivity), or null for a session saved before
 * it was recorded. Pauses in time order; a figure the JVM or the OS did not give is null.
 */
function parseJvm(j, S) {
  if (!j || !Array.isArray(j.gcPauses)) return null;
  const pauses = [];
  for (let i = 0; i + 4 < j.gcPauses.length; i += 5) {
    const r = j.gcPauses;
    pauses.push({ start: r[i], dur: r[i + 1], end: r[i] + r[i + 1], collector: S[r[i + 2]], action: S[r[i + 3]], cause: S[r[i + 4]] });
  }
  const known = v => (typeof v === "number" && v >= 0 ? v : null);
  return {
    pauses, pauseTotal: pauses.reduce((a, q) => a + q.dur, 0),
    longest: pauses.reduce((a, q) => (!a || q.dur > a.dur ? q : a), null),
    cycles: j.gcCycles || 0, cycleNanos: j.gcCycleNanos || 0, jit: known(j.jitNanos), compilerCpu: known(j.compilerCpuNanos),
    gcCpu: known(j.gcCpuNanos), vmThreadCpu: known(j.vmThreadCpuNanos), classesLoaded: known(j.classesLoaded),
    classesUnloaded: known(j.classesUnloaded)
  };
}

/** The GC pause time between two session times: a pause crossing a bound counts with its part inside (JvmActivity.pauseNanosBetween). */
function pauseTimeBetween(jvm, from, to) {
  let sum = 0;
  if (!jvm) return sum;
  for (const q of jvm.pauses) sum += Math.max(0, Math.min(q.end, to) - Math.max(q.start, from));
  return sum;
}

/**
 * The JVM's work in words, one clause per figure known: the console summary's JVM line, as the
 * header's facts and the Build tab show it.
 */
function jvmClauses(jvm, wall, stages = []) {
  if (!jvm) return [];
  const parts = [];
  if (!jvm.pauses.length) parts.push("no GC pauses");
  else {
    let gc = formatCount(jvm.pauses.length) + " GC pause" + (jvm.pauses.length === 1 ? "" : "s") + ", " + formatTime(jvm.pauseTotal);
    // the stage the longest pause fell in most, as the console says it
    let inStage = null, most = 0;
    for (const s of stages) {
      const overlap = Math.min(jvm.longest.end, s.end) - Math.max(jvm.longest.start, s.start);
      if (overlap > most) [inStage, most] = [s.name, overlap];
    }
    if (wall > 0) gc += " (" + formatPercent(jvm.pauseTotal, wall) + " of the time; longest " + formatTime(jvm.longest.dur) + ", " +
      jvm.longest.collector + (inStage ? ", in " + inStage : "") + ")";
    parts.push(gc);
  }
  if (jvm.cycles) parts.push(formatCount(jvm.cycles) + " concurrent GC cycle" + (jvm.cycles === 1 ? "" : "s") + " (" + formatTime(jvm.cycleNanos) + ", beside the program)");
  if (jvm.compilerCpu !== null) parts.push("JIT compiler " + formatTime(jvm.compilerCpu) + " CPU on its own threads");
  else if (jvm.jit !== null) parts.push("JIT compiling " + formatTime(jvm.jit));
  if (jvm.gcCpu !== null && jvm.gcCpu > 0) parts.push("GC threads " + formatTime(jvm.gcCpu) + " CPU");
  if (jvm.vmThreadCpu !== null) parts.push("VM thread " + formatTime(jvm.vmThreadCpu) + " CPU");
  if (jvm.classesLoaded !== null) parts.push(formatCount(jvm.classesLoaded) + " classes loaded");
  return parts;
}

function makeFrame(cls, method, file, line, kind) {
  // Hidden classes behind lambdas are named "Outer$$Lambda$928/0x00007f..." (or ".0x..."): show "Outer$$Lambda".
  const shown = cls.replace(/[./]0x[0-9a-fA-F]+$/, "").replace(/(\$\$Lambda)\$?\d*$/, "$1");
  const dot = shown.lastIndexOf(".");
  const simple = dot < 0 ? shown : shown.slice(dot + 1);
  if (/^0x[0-9a-fA-F]+\.java$/.test(file)) file = "";
  return {
    cls, shownCls: shown, method, file, line, kind,
    // a synthetic frame from the sampler ("[out-of-context]") is a class alone, as Frame.displayName says it
    name: simple ? (method ? simple + "." + method : simple) : method,
    // the method as the page names and keys it (hot methods, details, tooltips, compare): with the
    // class as shown, so a lambda's hidden classes (two for one call site, another number in
    // another run) are one method, as in the tree
    full: shown ? shown + "." + method : method,
    location: line > 0 ? file + ":" + line : file,
    library: kind === KIND_LIB ? libraryName(cls) : null,
    // the JDK's reflection, method-handle and lambda plumbing (FrameFilters.isJdkPlumbing)
    plumbing: isJdkPlumbingClass(cls),
    // the profiler's own frames (spans, task wrappers, the agent), which no view shows
    // (FrameFilters.isProfilerOwn, the rule the Java reports apply)
    profilerOwn: isProfilerOwnClass(cls)
  };
}

/** Adds a made-up frame ([await], a thread's root...) to the profile once and returns its id. */
function syntheticFrame(profile, label) {
  profile.synthetic = profile.synthetic || new Map();
  let id = profile.synthetic.get(label);
  if (id === undefined) {
    id = profile.frames.length;
    profile.frames.push(makeFrame("", label, "", 0, KIND_SYNTHETIC));
    profile.synthetic.set(label, id);
  }
  return id;
}

// ---- call tree ----

function makeNode(frame, parent) {
  // total/self: wall time (work of other threads scaled into the waits for it, wallShares);
  // threadTotal/threadSelf: the threads' own time behind it
  return { f: frame, parent, total: 0, self: 0, threadTotal: 0, threadSelf: 0, count: 0, kids: null, sorted: null,
    depth: parent ? parent.depth + 1 : 0 };
}

/** The method key of a frame: frames of one method at different lines share it (made-up frames are their own). */
function methodKeyOf(profile, frame) {
  return frame < profile.methodKey.length ? profile.methodKey[frame] : frame;
}

/**
 * The child of `node` for `frame`'s method (`key`, from methodKeyOf; the frame itself when not
 * given). A node reached at several lines shows the lowest known one, as the Java tree's merge
 * does, and keeps the lines seen in `lines`.
 */
function childNode(node, frame, key = frame) {
  if (!node.kids) node.kids = new Map();
  let c = node.kids.get(key);
  if (!c) {
    c = makeNode(frame, node);
    node.kids.set(key, c);
  } else if (c.f !== frame) {
    c.lines = c.lines || new Set([c.f]);
    c.lines.add(frame);
  }
  return c;
}

/** After building: each node that merged several lines shows its lowest known line. */
function settleLines(profile, root) {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    if (n.lines) {
      for (const f of n.lines) {
        const line = profile.frames[f].line, shown = profile.frames[n.f].line;
        if (line > 0 && (shown === 0 || line < shown)) n.f = f;
      }
    }
    if (n.kids) for (const c of n.kids.values()) stack.push(c);
  }
}

/**
 * One node standing for several nodes of one method under `parent` (the same application
 * method below different hidden library paths): their times and samples added up, their lines
 * kept, the lowest known one shown; their children merged the same way when first asked for,
 * so a large subtree costs nothing until it is opened. One node is itself.
 */
function mergedNode(profile, nodes, parent) {
  if (nodes.length === 1) return nodes[0];
  const m = makeNode(nodes[0].f, parent);
  m.merged = nodes;
  for (const n of nodes) {
    m.total += n.total;
    m.self += n.self;
    m.threadTotal += n.threadTotal;
    m.threadSelf += n.threadSelf;
    m.count += n.count;
    for (const f of n.lines || [n.f]) {
      if (f === m.f && !m.lines) continue;
      m.lines = m.lines || new Set([m.f]);
      m.lines.add(f);
    }
  }
  if (m.lines) {
    for (const f of m.lines) {
      const line = profile.frames[f].line, shown = profile.frames[m.f].line;
      if (line > 0 && (shown === 0 || line < shown)) m.f = f;
    }
  }
  let kids;
  Object.defineProperty(m, "kids", {
    get() {
      if (kids === undefined) {
        const byKey = new Map();
        for (const n of nodes) {
          if (!n.kids) continue;
          for (const [key, c] of n.kids) {
            if (!byKey.has(key)) byKey.set(key, []);
            byKey.get(key).push(c);
          }
        }
        kids = byKey.size ? new Map() : null;
        for (const [key, list] of byKey) kids.set(key, mergedNode(profile, list, m));
      }
      return kids;
    }
  });
  return m;
}

/** The sorted known line numbers a node merged, or an empty list when it has one frame. */
function nodeLines(profile, node) {
  if (!node.lines) return [];
  return Array.from(new Set(Array.from(node.lines, f => profile.frames[f].line).filter(l => l > 0))).sort((a, b) => a - b);
}

/** Children sorted by total time, heaviest first (cached). */
function children(node) {
  if (!node.sorted) node.sorted = node.kids ? Array.from(node.kids.values()).sort((a, b) => b.total - a.total) : [];
  return node.sorted;
}

/**
 * Maps the stacks of one sample group (a thread, an [out-of-context] bucket, the tasks grafted
 * under one submitting stack) onto tree nodes under `base`, memoised per stack: the session's
 * stack table is itself a prefix tree, so each distinct stack is walked once.
 */
class Graft {
  /**
   * `task`: the base of handed-over tasks, under which stacks start above the task's entry frame;
   * `dropPlumbing`: the JDK's lambda and reflection frames get no node of their own (their callees
   * hang from their caller), as the text report's tree (FrameFilters.isJdkPlumbing). The profiler's
   * own frames never get one (FrameFilters.isProfilerOwn): this is the one place they are left out.
   */
  constructor(profile, base, task, dropPlumbing) {
    this.profile = profile;
    this.base = base;
    this.task = task;
    this.dropPlumbing = dropPlumbing;
    this.memo = new Map();
  }

  node(stack) {
    const cut = this.task ? taskEntryOf(this.profile, stack) : -1;
    if (stack < 0 || stack === cut) return this.base;
    let n = this.memo.get(stack);
    if (n) return n;
    const chain = [];
    let s = stack;
    while (s >= 0 && s !== cut && !this.memo.has(s)) {
      chain.push(s);
      s = this.profile.stackParent[s];
    }
    n = s < 0 || s === cut ? this.base : this.memo.get(s);
    for (let i = chain.length - 1; i >= 0; i--) {
      const frame = this.profile.stackFrame[chain[i]];
      // the profiler's own frames are dropped here, once, for every view built on this tree
      const f = this.profile.frames[frame];
      if (!f.profilerOwn && !(this.dropPlumbing && f.plumbing)) n = childNode(n, frame, methodKeyOf(this.profile, frame));
      this.memo.set(chain[i], n);
    }
    return n;
  }
}

/**
 * The stack of the innermost task-entry frame on `stack`'s path (isTaskEntryClass: the profiler's
 * task wrapper, where a handed-over task begins on its worker; below it is only the pool's
 * machinery, which grafted tasks leave out), or -1; memoised per stack.
 */
function taskEntryOf(profile, stack) {
  if (stack < 0) return -1;
  if (!profile.taskEntry) profile.taskEntry = new Int32Array(profile.stackParent.length).fill(-2);
  const entry = profile.taskEntry;
  if (entry[stack] !== -2) return entry[stack];
  const chain = [];
  let s = stack;
  while (s >= 0 && entry[s] === -2) {
    chain.push(s);
    s = profile.stackParent[s];
  }
  let found = s < 0 ? -1 : entry[s];
  for (let i = chain.length - 1; i >= 0; i--) {
    const cls = profile.frames[profile.stackFrame[chain[i]]].cls;
    if (cls && isTaskEntryClass(cls)) found = chain[i];
    entry[chain[i]] = found;
  }
  return found;
}

/**
 * For each span, the nearest enclosing-or-same span that is a handed-over task (a span with an
 * origin stack), or -1; and the threads that ran tasks.
 */
function taskIndex(profile) {
  if (profile.tasks) return profile.tasks;
  const spans = profile.spans;
  const taskOf = new Int32Array(spans.length).fill(-1);
  // spans that mark waiting for handed-over work: an "await" span, or inside one (within its task)
  const awaiting = new Uint8Array(spans.length);
  const helpers = new Set();
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    const parent = span.parent;
    awaiting[i] = span.origin < 0 && (span.category === "await" || (parent >= 0 && parent < i && awaiting[parent] === 1)) ? 1 : 0;
    if (span.origin >= 0) {
      taskOf[i] = i;
      helpers.add(span.thread);
    } else if (span.parent >= 0 && span.parent < i) {
      taskOf[i] = taskOf[span.parent];
    } else {
      for (let s = span.parent, guard = spans.length; s >= 0 && s < spans.length && guard-- > 0; s = spans[s].parent) {
        if (spans[s].origin >= 0) {
          taskOf[i] = s;
          break;
        }
      }
    }
  }
  profile.tasks = { taskOf, helpers, awaiting };
  return profile.tasks;
}

/** Whether a sample shows its thread blocked: WAITING, or an unknown state with a parking/waiting leaf frame. */
function isWaiting(profile, t, i) {
  if (t.state[i] === STATE_WAITING) return true;
  if (t.state[i] !== STATE_UNKNOWN || t.stack[i] < 0) return false;
  const f = profile.frames[profile.stackFrame[t.stack[i]]];
  return isBlockingCall(f.cls, f.method);
}

/**
 * The longest common prefix of two stacks, comparing frames by method, not line (a method that
 * submits on one line and waits on another is the same caller): `a`'s stack at that depth, or -1.
 */
function commonStack(profile, a, b) {
  const pathA = stackPath(profile, a), pathB = stackPath(profile, b);
  const F = profile.stackFrame, frames = profile.frames;
  let common = 0;
  while (common < pathA.length && common < pathB.length) {
    const x = frames[F[pathA[common]]], y = frames[F[pathB[common]]];
    if (!(x === y || (x.method === y.method && x.cls === y.cls && x.file === y.file))) break;
    common++;
  }
  return common === 0 ? -1 : pathA[common - 1];
}

/** The stack ids from the root down to `stack` (inclusive). */
function stackPath(profile, stack) {
  const path = [];
  for (let s = stack; s >= 0; s = profile.stackParent[s]) path.push(s);
  return path.reverse();
}

/** `stack` cut back to its innermost application frame (where the program itself waits), or itself. */
function innermostApplicationStack(profile, stack) {
  for (let s = stack; s >= 0; s = profile.stackParent[s]) {
    if (profile.frames[profile.stackFrame[s]].kind === KIND_APP) return s;
  }
  return stack;
}

/** The thread that submitted handed-over task `task`: its parent span's, else the first thread's. */
function submitterOf(profile, task) {
  const spans = profile.spans, parent = spans[task].parent;
  if (!profile.threadIds) profile.threadIds = new Set(profile.threads.map(t => t.id));
  if (parent >= 0 && parent < spans.length && profile.threadIds.has(spans[parent].thread)) return spans[parent].thread;
  return profile.threads.length ? profile.threads[0].id : -1;
}

/** awaitIndex's value for a sample inside an "await" span while none of its thread's tasks ran. */
const AWAIT_MARKED = -2;

/**
 * Per thread (by index), per sample: whether the thread was waiting for work it handed over,
 * what the call tree shows as [await] and the Build tab counts apart from other waiting. The
 * value is the span id of the handed-over task it waited for (of those it submitted that were
 * running, the one that ended first), or AWAIT_MARKED, or -1. Memoised on the profile.
 */
function awaitIndex(profile) {
  if (profile.awaits) return profile.awaits;
  const { awaiting } = taskIndex(profile);
  const tasksBySubmitter = new Map();
  for (const span of profile.spans) {
    if (span.origin < 0) continue;
    const by = submitterOf(profile, span.id);
    if (!tasksBySubmitter.has(by)) tasksBySubmitter.set(by, []);
    tasksBySubmitter.get(by).push(span);
  }
  for (const list of tasksBySubmitter.values()) list.sort((a, b) => a.start - b.start);
  profile.awaits = profile.threads.map(t => {
    const waits = new Int32Array(t.n).fill(-1);
    const submitted = tasksBySubmitter.get(t.id);
    let next = 0;
    let running = [];
    for (let i = 0; i < t.n; i++) {
      // inside an "await" span, or blocked while tasks this thread submitted run
      const marked = t.span[i] >= 0 && t.span[i] < awaiting.length && awaiting[t.span[i]] === 1;
      if (submitted && (marked || isWaiting(profile, t, i))) {
        const start = t.start[i], end = start + t.dur[i];
        while (next < submitted.length && submitted[next].start < end) running.push(submitted[next++]);
        running = running.filter(s => s.end > start);
        if (running.length) waits[i] = running.reduce((a, b) => (b.end < a.end ? b : a)).id;
      }
      if (waits[i] === -1 && marked) waits[i] = AWAIT_MARKED;
    }
    return waits;
  });
  return profile.awaits;
}

/**
 * Per thread (by index): what each sample stands for in the all-threads tree, { wall, thread }
 * (Float64Arrays of nanoseconds), as dev.markata.profiler.process.WallShares works it out, in
 * the same order, so the two trees agree to the nanosecond. A batch (the tasks one thread handed
 * over inside one span, with its [await] samples while they ran) has its task samples scaled by
 * one factor so they fill the time waited, or keep their time when it was less than the wait
 * (the rest stays [await]); a batch never waited for keeps its time. Memoised on the profile,
 * with each task's factor (`profile.taskScale`, per span id, 1 for what was not scaled), which a
 * view focused on a span inside a task divides by to show the span's own time.
 */
function wallShares(profile) {
  if (profile.wallShares) return profile.wallShares;
  const { taskOf, helpers } = taskIndex(profile);
  const awaits = awaitIndex(profile);
  const spans = profile.spans, threads = profile.threads;
  const strict = profile.asyncMode === "STRICT";
  const indexOfThread = new Map(threads.map((t, i) => [t.id, i]));
  const depthOf = new Map();
  const depth = (task, guard = 0) => {
    let d = depthOf.get(task);
    if (d !== undefined) return d;
    const parent = spans[task].parent;
    const parentTask = parent >= 0 && parent < taskOf.length ? taskOf[parent] : -1;
    d = parentTask < 0 || parentTask === task || guard > taskOf.length ? 1 : 1 + depth(parentTask, guard + 1);
    depthOf.set(task, d);
    return d;
  };
  const batchOf = task => {
    const by = indexOfThread.has(submitterOf(profile, task)) ? indexOfThread.get(submitterOf(profile, task)) : -1;
    return { key: depth(task) + "/" + by + "/" + spans[task].parent, depth: depth(task), by, span: spans[task].parent };
  };
  const weight = threads.map(t => Float64Array.from(t.dur));
  const uncovered = threads.map(t => new Float64Array(t.n).fill(1));
  const awaited = threads.map(t => new Uint8Array(t.n));
  const batches = new Map(); // key -> { depth, by, span, tasks: [[t, i]], waits: [[t, i]], ids: Set of task spans }
  const batch = task => {
    const b = batchOf(task);
    let e = batches.get(b.key);
    if (!e) batches.set(b.key, e = { depth: b.depth, by: b.by, span: b.span, tasks: [], waits: [], ids: new Set() });
    return e;
  };
  threads.forEach((t, ti) => {
    for (let i = 0; i < t.n; i++) {
      const task = t.span[i] >= 0 && t.span[i] < taskOf.length ? taskOf[t.span[i]] : -1;
      if (task >= 0 && batchOf(task).by >= 0) {
        const b = batch(task);
        b.tasks.push([ti, i]);
        b.ids.add(task);
      }
      if (task < 0 && strict && helpers.has(t.id)) continue; // [out-of-context], not [await]
      const w = awaits[ti][i];
      if (w === -1) continue;
      awaited[ti][i] = 1;
      if (w >= 0 && batchOf(w).by === ti) batch(w).waits.push([ti, i]);
    }
  });
  const ordered = Array.from(batches.values()).sort((a, b) => a.depth - b.depth || a.by - b.by || a.span - b.span);
  const taskScale = new Float64Array(spans.length).fill(1);
  for (const b of ordered) {
    let budget = 0;
    for (const [t, i] of b.waits) budget += weight[t][i];
    let work = 0;
    for (const [t, i] of b.tasks) work += threads[t].dur[i];
    if (budget === 0 || work === 0) continue; // work nobody waited for keeps its own time
    const used = Math.min(budget, work);
    const factor = used / work;
    for (const [t, i] of b.tasks) weight[t][i] = threads[t].dur[i] * factor;
    for (const task of b.ids) taskScale[task] = factor;
    const left = (budget - used) / budget;
    for (const [t, i] of b.waits) uncovered[t][i] = left;
  }
  profile.wallShares = threads.map((t, ti) => {
    const wall = new Float64Array(t.n), thread = new Float64Array(t.n);
    for (let i = 0; i < t.n; i++) {
      if (awaited[ti][i]) {
        wall[i] = Math.round(weight[ti][i] * uncovered[ti][i]);
        thread[i] = Math.round(t.dur[i] * uncovered[ti][i]);
      } else {
        wall[i] = Math.round(weight[ti][i]);
        thread[i] = t.dur[i];
      }
    }
    return { wall, thread };
  });
  profile.taskScale = taskScale;
  return profile.wallShares;
}

/**
 * Builds the aggregated call tree, with the same rules as the Java reports
 * (dev.markata.profiler.process.TreeBuilder).
 *
 * `threadChoice` "all": one root per thread; unless the async mode is DISABLED, the samples of a
 * handed-over task (a span with an origin stack) are grafted under the stack that submitted it,
 * below the submitter's own graft point (nested tasks nest); a thread waiting while tasks it
 * submitted run shows that time as [await] where its waiting stack meets the submitting stack;
 * with STRICT, samples of task-running threads outside any task go to [out-of-context]. When only
 * one thread root is left, its children become the roots. A number picks one thread, raw.
 * `focus` (from focusOf), when given, keeps only the samples taken inside those spans, at the
 * focused spans' own time: a document a worker rendered in 20 ms is 20 ms here, as the Build
 * tab says, though in the whole tree it is its share of the wait it filled on the thread that
 * handed it over (10 ms when two workers shared that wait); `root.wholeTreeTotal` is that share.
 */
function buildCallTree(profile, threadChoice, keepPlumbing = false, focus = null) {
  const root = makeNode(-1, null);
  const all = threadChoice === "all";
  const { groups, baseInfo, wholeTreeTotal } = sampleGroups(profile, threadChoice, focus);

  // Then graft: each group's stacks go under its base node, memoised per base.
  const threadNodes = new Map();
  const threadNode = key => {
    if (!all) return root;
    let n = threadNodes.get(key);
    if (!n) {
      const t = profile.threads.find(x => "T" + x.id === key);
      threadNodes.set(key, n = childNode(root, syntheticFrame(profile, "thread " + (t ? t.name : key.slice(1)))));
    }
    return n;
  };
  const grafts = new Map();
  const graftFor = key => {
    let g = grafts.get(key);
    if (!g) {
      const info = baseInfo.get(key);
      const base = info ? graftFor(info.parentKey).node(info.origin) : threadNode(key);
      grafts.set(key, g = new Graft(profile, base, !!info, !keepPlumbing));
    }
    return g;
  };
  const awaitFrame = syntheticFrame(profile, "[await]");
  const oocFrame = syntheticFrame(profile, "[out-of-context]");
  for (const g of groups.values()) {
    if (!g.used) continue;
    const graftPoint = g.mode === "ooc" ? new Graft(profile, childNode(threadNode(g.baseKey), oocFrame), false, !keepPlumbing)
      : graftFor(g.baseKey);
    g.forEach((stack, self, count, threadSelf) => {
      let node = graftPoint.node(stack);
      if (g.mode === "await") node = childNode(node, awaitFrame);
      node.self += self;
      node.threadSelf += threadSelf;
      node.count += count;
    });
  }
  sumTotals(root);
  if (focus) {
    root.wholeTreeTotal = wholeTreeTotal;
    root.wall = focus.wall; // what a thread's own row is a share of (shareBase)
  }
  settleLines(profile, root);
  // Threads whose every sample was grafted elsewhere have nothing left of their own.
  if (root.kids) {
    for (const [f, n] of Array.from(root.kids.entries())) if (!(n.total > 0)) root.kids.delete(f);
    if (root.kids.size === 1) {
      const only = root.kids.values().next().value;
      if (profile.frames[only.f].kind === KIND_SYNTHETIC && profile.frames[only.f].method.startsWith("thread ")) {
        root.onlyThread = profile.frames[only.f].method.slice(7);
        root.kids = only.kids;
        root.sorted = null;
        if (root.kids) for (const c of root.kids.values()) c.parent = root;
        root.self += only.self;
        root.threadSelf += only.threadSelf;
        root.selfCount = (root.selfCount || 0) + (only.selfCount || 0);
        const stack = [root];
        while (stack.length) {
          const n = stack.pop();
          if (n.kids) for (const c of n.kids.values()) {
            c.depth = n.depth + 1;
            stack.push(c);
          }
        }
      }
    }
  }
  return root;
}

/**
 * buildCallTree's first pass: the samples summed per (group, stack) in flat arrays, a group being
 * a thread, an [out-of-context] bucket, the [await] samples or the tasks grafted under one
 * submitting stack; with the graft points of the task groups (`baseInfo`). The same whether the
 * JDK's plumbing is kept or not ("show all"), so the last one is kept on the profile and the
 * other setting only grafts (it summed every sample again: most of a 10,000-post build's 0.3-0.8
 * s "show all" toggle).
 */
function sampleGroups(profile, threadChoice, focus) {
  const last = profile.lastSampleGroups;
  if (last && last.threadChoice === threadChoice && last.focus === focus) return last;
  const all = threadChoice === "all";
  const threads = all ? profile.threads : [profile.threads[threadChoice]].filter(Boolean);
  const graft = all && profile.asyncMode !== "DISABLED";
  const strict = profile.asyncMode === "STRICT";
  const { taskOf, helpers } = taskIndex(profile);
  const spans = profile.spans;
  // tasks are grafted only when every thread is shown, so a task's submitter is among them
  const submitter = task => submitterOf(profile, task);
  // A task's graft point, as a key: its parent task's (nested) or its submitter thread's, plus its origin stack.
  const taskKeys = new Map();
  const baseInfo = new Map(); // key -> {parentKey, origin} for task bases; thread bases are "T<id>"
  const taskKey = task => {
    let key = taskKeys.get(task);
    if (key !== undefined) return key;
    const parent = spans[task].parent;
    const parentTask = parent >= 0 && parent < taskOf.length ? taskOf[parent] : -1;
    const parentKey = parentTask >= 0 && parentTask !== task ? taskKey(parentTask) : "T" + submitter(task);
    key = parentKey + "/" + spans[task].origin;
    taskKeys.set(task, key);
    if (!baseInfo.has(key)) baseInfo.set(key, { parentKey, origin: spans[task].origin });
    return key;
  };
  const awaits = graft ? awaitIndex(profile) : null;
  const shares = graft ? wallShares(profile) : null;
  const inside = focus ? focus.inside : null;
  const unscale = focus && graft ? focusScales(profile, focus) : null;
  let wholeTreeTotal = 0;

  // First sum the samples per (group, stack) in flat arrays, then make one node per distinct
  // pair: the per-sample work is a few array updates, not a walk of the tree.
  const groups = new Map();
  const group = (mode, baseKey) => {
    const key = mode + "|" + baseKey;
    let g = groups.get(key);
    if (!g) groups.set(key, g = new SampleGroup(profile.stackParent.length, mode, baseKey));
    return g;
  };
  for (const t of threads) {
    const threadKey = "T" + t.id;
    const plain = group("plain", threadKey);
    const waits = graft ? awaits[t.index] : null;
    const wall = graft ? shares[t.index].wall : t.dur, own = graft ? shares[t.index].thread : t.dur;
    let lastTask = -2, lastGroup = plain;
    for (let i = 0; i < t.n; i++) {
      if (inside && !(t.span[i] >= 0 && inside[t.span[i]] === 1)) continue;
      const w = unscale ? wall[i] / unscale[t.span[i]] : wall[i];
      wholeTreeTotal += wall[i];
      let baseKey = threadKey;
      let g = plain;
      if (graft) {
        const task = t.span[i] >= 0 && t.span[i] < taskOf.length ? taskOf[t.span[i]] : -1;
        if (task >= 0) {
          if (task !== lastTask) {
            lastTask = task;
            lastGroup = group("plain", taskKey(task));
          }
          g = lastGroup;
          baseKey = g.baseKey;
        } else if (strict && helpers.has(t.id)) {
          group("ooc", threadKey).add(t.stack[i], w, t.count[i], own[i]);
          continue;
        }
        // [await]: where the waiting stack meets the stack that submitted the awaited task, or
        // inside an "await" span with no task of its own running, at the innermost app frame
        const waited = waits[i];
        if (waited !== -1) {
          const awaitAt = waited >= 0 ? commonStack(profile, t.stack[i], spans[waited].origin)
            : innermostApplicationStack(profile, t.stack[i]);
          group("await", baseKey).add(awaitAt, w, t.count[i], own[i]);
          continue;
        }
      }
      g.add(t.stack[i], w, t.count[i], own[i]);
    }
  }
  for (const g of groups.values()) g.compact();
  profile.lastSampleGroups = { threadChoice, focus, groups, baseInfo, wholeTreeTotal };
  return profile.lastSampleGroups;
}

/**
 * Per span, 1 when it is inside a part of the build (`focus`: {category, name}, a stage, a
 * plugin's hooks or a document): so named, or opened within such a span, on its thread or, for
 * a handed-over task, by the span that submitted it.
 */
function spansInside(profile, focus) {
  return focusOf(profile, focus).inside;
}

/** What a focus is called on the page: "stage", "plugin" (a hook span) or "document". */
function focusKind(focus) {
  return { stage: "stage", hook: "plugin", document: "document" }[focus.category] || focus.category;
}

/**
 * A part of the build as the trees are limited to it: `inside` (spansInside) and `match`, per
 * span, the nearest span so named that it is in (itself included), or -1; `spans` and `wall`,
 * how many spans are so named and their wall time added up. Memoised per focus.
 */
function focusOf(profile, focus) {
  const key = focus.category + "\u0000" + focus.name;
  profile.inside = profile.inside || new Map();
  let known = profile.inside.get(key);
  if (known) return known;
  const spans = profile.spans;
  const state = new Uint8Array(spans.length); // 0: not known yet, 1: inside, 2: outside
  const match = new Int32Array(spans.length).fill(-1);
  for (let i = 0; i < spans.length; i++) {
    const chain = [];
    let s = i, found = 2, at = -1;
    while (s >= 0 && s < spans.length && state[s] === 0 && chain.length <= spans.length) {
      chain.push(s);
      if (spans[s].category === focus.category && spans[s].name === focus.name) {
        found = 1;
        at = s;
        break;
      }
      s = spans[s].parent;
    }
    if (found === 2 && s >= 0 && s < spans.length && state[s] !== 0) {
      found = state[s];
      at = match[s];
    }
    for (const c of chain) {
      state[c] = found;
      match[c] = at;
    }
  }
  let count = 0, wall = 0;
  for (const s of spans) {
    if (s.category === focus.category && s.name === focus.name) {
      count++;
      wall += s.end - s.start;
    }
  }
  known = { inside: state, match, scale: null, spans: count, wall };
  profile.inside.set(key, known);
  return known;
}

/**
 * Per span inside a focus: the factor its samples were scaled by in the whole tree, relative to
 * the focused span's own thread: the factor of the handed-over task the focused span is in (1
 * for a span of a thread that handed its work over: a stage or a plugin's hook on the main
 * thread). Dividing by it gives the focused span's own time, and keeps the scaling of work the
 * span itself handed over into its own waits.
 */
function focusScales(profile, focus) {
  if (focus.scale) return focus.scale;
  wallShares(profile);
  const { taskOf } = taskIndex(profile);
  const scale = new Float64Array(profile.spans.length).fill(1);
  for (let i = 0; i < scale.length; i++) {
    const m = focus.match[i];
    const task = m >= 0 ? taskOf[m] : -1;
    if (task >= 0 && profile.taskScale[task] > 0) scale[i] = profile.taskScale[task];
  }
  focus.scale = scale;
  return scale;
}

/** Time and sample counts of one group of samples, per stack id (-1, the empty stack, included). */
class SampleGroup {
  constructor(nStacks, mode, baseKey) {
    this.mode = mode;
    this.baseKey = baseKey;
    this.self = new Float64Array(nStacks + 1);
    this.threadSelf = new Float64Array(nStacks + 1);
    this.count = new Int32Array(nStacks + 1);
    this.used = false;
  }

  /** `dur`: the wall time the samples stand for in the tree; `threadDur`: the thread time behind it. */
  add(stack, dur, count, threadDur) {
    const k = stack < 0 ? this.self.length - 1 : stack;
    this.self[k] += dur;
    this.threadSelf[k] += threadDur;
    this.count[k] += count;
    this.used = true;
  }

  /**
   * Keeps only the stacks that have samples, in the same order: the groups are kept for the other
   * "show all" setting (sampleGroups), and arrays as long as the stack table, one set per group,
   * held megabytes for a 10,000-post build. Nothing is added after.
   */
  compact() {
    const last = this.self.length - 1;
    let n = 0;
    for (let k = 0; k <= last; k++) if (this.count[k] > 0) n++;
    const keys = new Int32Array(n), self = new Float64Array(n), threadSelf = new Float64Array(n), count = new Int32Array(n);
    for (let k = 0, j = 0; k <= last; k++) {
      if (this.count[k] > 0) {
        keys[j] = k === last ? -1 : k;
        self[j] = this.self[k];
        threadSelf[j] = this.threadSelf[k];
        count[j++] = this.count[k];
      }
    }
    Object.assign(this, { keys, self, threadSelf, count });
  }

  forEach(fn) {
    if (this.keys) {
      for (let j = 0; j < this.keys.length; j++) fn(this.keys[j], this.self[j], this.count[j], this.threadSelf[j]);
      return;
    }
    const last = this.self.length - 1;
    for (let k = 0; k <= last; k++) {
      if (this.count[k] > 0) fn(k === last ? -1 : k, this.self[k], this.count[k], this.threadSelf[k]);
    }
  }
}

/**
 * Whether a node's thread time is worth showing next to its time: work handed to other threads
 * is below it, scaled into the wait for it (over 0.5 % apart, as the text report's rule).
 */
function threadTimeDiffers(node) {
  return Math.abs(node.threadTotal - node.total) * 200 > node.total;
}

/**
 * The total a node's share is a share of: in a tree with a root per thread, its thread's (a
 * thread's time is the wall time it ran, so its shares are shares of its wall time, as the text
 * report gives them; idle pool threads beside it no longer dilute them), and for a thread's own
 * row the session's duration (in a tree limited to a part of the build, that part's wall time);
 * `fallback` otherwise.
 */
function shareBase(profile, node, fallback) {
  let top = node;
  while (top && top.parent && top.parent.f >= 0) top = top.parent;
  if (!top || top.f < 0 || !(top.total > 0)) return fallback;
  const frame = profile.frames[top.f];
  if (!(frame.kind === KIND_SYNTHETIC && frame.method.startsWith("thread "))) return fallback;
  // a tree limited to a part of the build: of that part's wall time, not of the whole profile's
  const wall = top.parent && top.parent.wall !== undefined ? top.parent.wall : profile.duration;
  return top === node ? Math.max(wall || 0, top.total) : top.total;
}

/**
 * What the shares of views that add methods up over the whole tree (hot methods, the inverted
 * flame graph, a method's details, the search) are shares of: { total, label, allThreads }, the
 * label as in "36.4% of <label>": all threads' time together while the tree has a root per
 * thread (`allThreads`; the call tree's rows then give shares of their own thread), else the one
 * thread's time, or, in a tree limited to a `focus`, the focused part's time; `wall` names what a
 * thread's own row is a share of.
 */
function treeScope(profile, tree, threadChoice, focus = null) {
  let threads = 0;
  if (tree.kids) {
    for (const c of tree.kids.values()) {
      const f = profile.frames[c.f];
      if (f.kind === KIND_SYNTHETIC && f.method.startsWith("thread ")) threads++;
    }
  }
  // what a thread's own row is a share of (shareBase)
  const wall = focus ? "the " + focusKind(focus) + "'s wall time" : "the profile's duration";
  if (threads > 1) return { total: tree.total, label: "all " + threads + " threads' time", allThreads: true, wall };
  // a focused tree's times are the focused part's own (buildCallTree), whatever thread it is grafted under
  if (focus) return { total: tree.total, label: "the " + focusKind(focus) + "'s time", allThreads: false, wall };
  const picked = typeof threadChoice === "number" && profile.threads[threadChoice] ? profile.threads[threadChoice].name : null;
  const name = picked || tree.onlyThread;
  return { total: tree.total, label: name ? name + "'s time" : "the total", allThreads: false, wall };
}

/**
 * A node's share as the call tree gives it, { base, label }: of its thread in a tree with a root
 * per thread (a thread's own row: of the profile's duration, or of the focused part's wall time),
 * else of the tree (`scope`).
 */
function nodeShare(profile, node, tree, scope) {
  const base = shareBase(profile, node, tree.total);
  let top = node;
  while (top && top.parent && top.parent.f >= 0) top = top.parent;
  const threadRoot = top && top.f >= 0 && profile.frames[top.f].kind === KIND_SYNTHETIC && profile.frames[top.f].method.startsWith("thread ");
  if (!threadRoot || !(top.total > 0)) return { base, label: scope.label };
  return { base, label: top === node ? scope.wall : profile.frames[top.f].method };
}

/** Fills `total` (and counts) bottom-up without recursion, so 2,000-frame stacks are fine. */
function sumTotals(root) {
  const order = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    order.push(n);
    if (n.kids) for (const c of n.kids.values()) stack.push(c);
  }
  for (const n of order) {
    n.total = n.self;
    n.threadTotal = n.threadSelf;
    n.selfCount = n.count;
  }
  for (let i = order.length - 1; i > 0; i--) {
    const n = order[i];
    n.parent.total += n.total;
    n.parent.threadTotal += n.threadTotal;
    n.parent.count += n.count;
  }
  root.nodeCount = order.length;
  return order;
}

/** Root-first list of nodes from the tree's root (excluded) down to `node`. */
function nodePath(node) {
  const path = [];
  for (let n = node; n && n.f >= 0; n = n.parent) path.push(n);
  return path.reverse();
}

/**
 * Per method (class + method name, over all lines): self and total time, samples, and the
 * methods calling it and called by it. Recursion counts a method's total once per path.
 */
function methodIndex(profile, root) {
  const methods = new Map();
  const keyOf = f => profile.frames[f].full;
  const get = key => {
    let m = methods.get(key);
    if (!m) {
      m = { key, frame: -1, self: 0, total: 0, count: 0, selfCount: 0, callers: new Map(), callees: new Map(), nodes: [] };
      methods.set(key, m);
    }
    return m;
  };
  const onPath = new Map();
  // iterative DFS with enter/exit so the recursion guard knows what is on the current path
  const stack = [[root, false]];
  while (stack.length) {
    const [n, exiting] = stack.pop();
    if (n.f < 0) {
      if (!exiting && n.kids) for (const c of n.kids.values()) stack.push([c, false]);
      continue;
    }
    const key = keyOf(n.f);
    if (exiting) {
      onPath.set(key, onPath.get(key) - 1);
      continue;
    }
    const m = get(key);
    if (m.frame < 0 || profile.frames[n.f].line < profile.frames[m.frame].line) m.frame = n.f;
    m.self += n.self;
    m.selfCount += n.selfCount;
    m.nodes.push(n);
    if (!onPath.get(key)) {
      m.total += n.total;
      m.count += n.count;
    }
    if (n.parent && n.parent.f >= 0) {
      const pk = keyOf(n.parent.f);
      m.callers.set(pk, (m.callers.get(pk) || 0) + n.total);
      const pm = get(pk);
      pm.callees.set(key, (pm.callees.get(key) || 0) + n.total);
    }
    onPath.set(key, (onPath.get(key) || 0) + 1);
    stack.push([n, true]);
    if (n.kids) for (const c of n.kids.values()) stack.push([c, false]);
  }
  return methods;
}

/**
 * Whether a frame counts as hidden library code under the view options: "collapse" hides the
 * JDK and dependencies, "custom" hides what the regex matches, "off" hides nothing.
 */
function makeHiddenTest(profile, options) {
  if (options.showAll || options.libraryMode === "off") return () => false;
  if (options.libraryMode === "custom") {
    let re = null;
    try {
      re = options.hideRegex ? new RegExp(options.hideRegex) : null;
    } catch (e) {
      re = null;
    }
    if (!re) return () => false;
    const cache = new Map();
    return f => {
      let v = cache.get(f);
      if (v === undefined) {
        const fr = profile.frames[f];
        v = fr.kind !== KIND_SYNTHETIC && re.test(fr.full + " " + fr.file);
        cache.set(f, v);
      }
      return v;
    };
  }
  return f => profile.frames[f].kind === KIND_LIB;
}

/** The search as a frame predicate, or null when the box is empty or the regex invalid. */
function makeMatcher(profile, search) {
  if (!search || !search.text) return null;
  let re;
  try {
    re = search.regex ? new RegExp(search.text, "i") : null;
  } catch (e) {
    return null;
  }
  const needle = search.text.toLowerCase();
  const cache = new Map();
  return f => {
    let v = cache.get(f);
    if (v === undefined) {
      const fr = profile.frames[f];
      const hay = fr.full + " " + fr.location;
      v = re ? re.test(hay) : hay.toLowerCase().includes(needle);
      cache.set(f, v);
    }
    return v;
  };
}

/** Time of the tree under nodes matching `match`, each sample counted once. */
function matchedTime(root, match) {
  let total = 0, nodes = 0;
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    if (n.f >= 0 && match(n.f)) {
      total += n.total;
      nodes++;
      countInside(n);
      continue;
    }
    if (n.kids) for (const c of n.kids.values()) stack.push(c);
  }
  function countInside(n) {
    const inner = n.kids ? Array.from(n.kids.values()) : [];
    while (inner.length) {
      const c = inner.pop();
      if (match(c.f)) nodes++;
      if (c.kids) for (const k of c.kids.values()) inner.push(k);
    }
  }
  return { total, nodes };
}
