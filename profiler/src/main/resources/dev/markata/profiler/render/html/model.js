// The profile model: the embedded session JSON (dev.markata.profiler.io.SessionJson, format
// "markata-profile" v1) decoded into typed arrays, and the call tree the views share.

const KIND_APP = 0, KIND_LIB = 1, KIND_SYNTHETIC = 2;
const STATE_RUNNING = 0, STATE_WAITING = 1;

/** Decodes session JSON text; throws an Error naming what is wrong when it is not a session. */
function parseProfile(text) {
  let d;
  try {
    d = JSON.parse(text);
  } catch (e) {
    throw new Error("not JSON: " + e.message);
  }
  if (!d || d.format !== "markata-profile") throw new Error("not a markata-profile session (format is " + (d && d.format) + ")");
  if (d.version !== 1) throw new Error("session format version " + d.version + " is not supported; this page reads version 1");
  const S = d.strings;
  const frames = [];
  for (let i = 0; i < d.frames.length; i += 5) {
    const cls = S[d.frames[i]], method = S[d.frames[i + 1]], file = S[d.frames[i + 2]];
    frames.push(makeFrame(cls, method, file, d.frames[i + 3], d.frames[i + 4]));
  }
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
  for (let i = 0, id = 0; i < d.spans.length; i += 7, id++) {
    spans.push({
      id, parent: d.spans[i], category: S[d.spans[i + 1]], name: S[d.spans[i + 2]], thread: d.spans[i + 3],
      start: d.spans[i + 4], end: d.spans[i + 5], origin: d.spans[i + 6], attrs: d.spanAttributes[id] || {}
    });
  }
  return {
    startedAt: d.startedAt, duration: d.durationNanos, interval: d.intervalNanos, cpuTime: d.cpuTimeNanos,
    target: d.target, sampler: d.sampler, asyncMode: d.asyncMode, timeMode: d.timeMode, metadata: d.metadata || {},
    frames, stackParent, stackFrame, stackDepth, threads, spans, sampleCount, rows
  };
}

function makeFrame(cls, method, file, line, kind) {
  const dot = cls.lastIndexOf(".");
  const simple = dot < 0 ? cls : cls.slice(dot + 1);
  return {
    cls, method, file, line, kind,
    name: simple ? simple + "." + method : method,
    full: cls ? cls + "." + method : method,
    location: line > 0 ? file + ":" + line : file,
    library: kind === KIND_LIB ? libraryName(cls) : null
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

/** The stack ids from the root down to `stack` (inclusive). */
function stackPath(profile, stack) {
  const path = [];
  for (let s = stack; s >= 0; s = profile.stackParent[s]) path.push(s);
  return path.reverse();
}

// ---- call tree ----

function makeNode(frame, parent) {
  return { f: frame, parent, total: 0, self: 0, count: 0, kids: null, sorted: null, depth: parent ? parent.depth + 1 : 0 };
}

function childNode(node, frame) {
  if (!node.kids) node.kids = new Map();
  let c = node.kids.get(frame);
  if (!c) {
    c = makeNode(frame, node);
    node.kids.set(frame, c);
  }
  return c;
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
  constructor(profile, base) {
    this.profile = profile;
    this.base = base;
    this.memo = new Map();
  }

  node(stack) {
    if (stack < 0) return this.base;
    let n = this.memo.get(stack);
    if (n) return n;
    const chain = [];
    let s = stack;
    while (s >= 0 && !this.memo.has(s)) {
      chain.push(s);
      s = this.profile.stackParent[s];
    }
    n = s < 0 ? this.base : this.memo.get(s);
    for (let i = chain.length - 1; i >= 0; i--) {
      n = childNode(n, this.profile.stackFrame[chain[i]]);
      this.memo.set(chain[i], n);
    }
    return n;
  }
}

/** For each span, the nearest enclosing (or own) span of category "task", or -1. */
function taskOfSpan(profile) {
  if (profile.taskOf) return profile.taskOf;
  const taskOf = new Int32Array(profile.spans.length).fill(-1);
  for (const span of profile.spans) { // parents precede children in practice; fall back to walking
    let s = span;
    while (s && s.category !== "task") s = s.parent >= 0 ? profile.spans[s.parent] : null;
    taskOf[span.id] = s ? s.id : -1;
  }
  profile.taskOf = taskOf;
  return taskOf;
}

/** Merged [start, end) intervals during which at least one handed-over task was running. */
function taskIntervals(profile) {
  const tasks = profile.spans.filter(s => s.category === "task").sort((a, b) => a.start - b.start);
  const merged = [];
  for (const t of tasks) {
    const last = merged[merged.length - 1];
    if (last && t.start <= last[1]) last[1] = Math.max(last[1], t.end);
    else merged.push([t.start, t.end]);
  }
  return merged;
}

/**
 * Builds the aggregated call tree.
 *
 * `threadChoice` "all" follows the session's async mode: with ENABLED or STRICT the first
 * thread (the one that started the profiler) is the program; helper threads' samples inside a
 * "task" span are grafted under the stack that submitted the task, the starting thread's
 * waiting while tasks run shows as [await], and helper samples outside any task are mixed in
 * (ENABLED) or kept under [out-of-context] (STRICT). With DISABLED each thread gets its own
 * root. A number picks one thread, its raw stacks only.
 */
function buildCallTree(profile, threadChoice) {
  const root = makeNode(-1, null);
  const threads = threadChoice === "all" ? profile.threads : [profile.threads[threadChoice]].filter(Boolean);
  const asyncOn = threadChoice === "all" && profile.asyncMode !== "DISABLED";
  const strict = profile.asyncMode === "STRICT";
  const perThreadRoots = threadChoice === "all" && !asyncOn && threads.length > 1;
  const taskOf = taskOfSpan(profile);
  const intervals = asyncOn ? taskIntervals(profile) : [];
  // First sum the samples per (group, stack) in flat arrays, then make one node per distinct
  // pair: the per-sample work is two array updates, not a walk of the tree.
  const groups = [];
  const group = (kind, arg) => {
    const g = new SampleGroup(profile.stackParent.length, kind, arg);
    groups.push(g);
    return g;
  };
  const main = group("main"), awaiting = group("await");
  const byOrigin = new Map();
  let outOfContext = null;

  threads.forEach((t, ti) => {
    const own = perThreadRoots ? group("thread", t.name) : main;
    const isMain = ti === 0;
    let iv = 0;
    for (let i = 0; i < t.n; i++) {
      let g = own;
      if (asyncOn) {
        if (isMain) {
          if (t.state[i] === STATE_WAITING && intervals.length) {
            const s = t.start[i];
            while (iv < intervals.length && intervals[iv][1] <= s) iv++;
            if (iv < intervals.length && intervals[iv][0] < s + t.dur[i]) g = awaiting;
          }
        } else {
          const task = t.span[i] >= 0 ? taskOf[t.span[i]] : -1;
          const origin = task >= 0 ? profile.spans[task].origin : -1;
          if (task >= 0 && origin >= 0) {
            g = byOrigin.get(origin);
            if (!g) byOrigin.set(origin, g = group("origin", origin));
          } else if (strict && task < 0) {
            if (!outOfContext) outOfContext = group("ooc");
            g = outOfContext;
          }
        }
      }
      g.add(t.stack[i], t.dur[i], t.count[i]);
    }
  });

  const mainGraft = new Graft(profile, root);
  const awaitFrame = syntheticFrame(profile, "[await]");
  for (const g of groups) {
    if (!g.used) continue;
    let graft, leaf = -1;
    if (g.kind === "main") graft = mainGraft;
    else if (g.kind === "await") {
      graft = mainGraft;
      leaf = awaitFrame;
    } else if (g.kind === "origin") graft = new Graft(profile, mainGraft.node(g.arg));
    else if (g.kind === "ooc") graft = new Graft(profile, childNode(root, syntheticFrame(profile, "[out-of-context]")));
    else graft = new Graft(profile, childNode(root, syntheticFrame(profile, "thread " + g.arg)));
    g.forEach((stack, self, count) => {
      let node = graft.node(stack);
      if (leaf >= 0) node = childNode(node, leaf);
      node.self += self;
      node.count += count;
    });
  }
  sumTotals(root);
  return root;
}

/** Time and sample counts of one group of samples, per stack id (-1, the empty stack, included). */
class SampleGroup {
  constructor(nStacks, kind, arg) {
    this.kind = kind;
    this.arg = arg;
    this.self = new Float64Array(nStacks + 1);
    this.count = new Int32Array(nStacks + 1);
    this.used = false;
  }

  add(stack, dur, count) {
    const k = stack < 0 ? this.self.length - 1 : stack;
    this.self[k] += dur;
    this.count[k] += count;
    this.used = true;
  }

  forEach(fn) {
    const last = this.self.length - 1;
    for (let k = 0; k <= last; k++) {
      if (this.count[k] > 0) fn(k === last ? -1 : k, this.self[k], this.count[k]);
    }
  }
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
    n.selfCount = n.count;
  }
  for (let i = order.length - 1; i > 0; i--) {
    const n = order[i];
    n.parent.total += n.total;
    n.parent.count += n.count;
  }
  root.nodeCount = order.length;
  return order;
}

/** Every node of a tree, parents before children. */
function allNodes(root) {
  const out = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    out.push(n);
    if (n.kids) for (const c of n.kids.values()) stack.push(c);
  }
  return out;
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
