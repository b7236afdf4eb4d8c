// Function details: what was selected in any view, with callers, callees and the stack from the root.

class DetailsPanel {
  constructor(app) {
    this.app = app;
    this.root = el("aside", "details");
    this.root.id = "details";
    this.root.setAttribute("aria-live", "polite");
    this.root.appendChild(el("p", "hint", "Select a row, a box or a method to see its details."));
  }

  /** Details of one call tree node: its own numbers plus its method's over the whole tree. */
  showNode(node) {
    if (!node || node.f < 0) return;
    const app = this.app;
    const frame = app.profile.frames[node.f];
    const method = app.methodIndex().get(frame.full);
    clear(this.root);
    this.title(frame);
    const facts = el("dl", "kv");
    const add = (k, v, id) => {
      facts.appendChild(el("dt", null, k));
      const d = el("dd", null, v);
      if (id) d.id = id;
      facts.appendChild(d);
    };
    const { base, label } = nodeShare(app.profile, node, app.tree, app.scope);
    add("Total time", formatTime(node.total) + " · " + formatPercent(node.total, base) + " of " + label, "detail-total");
    add("Self time", formatTime(node.self) + " · " + formatPercent(node.self, base), "detail-self");
    if (node.parent && node.parent.f >= 0) add("Of parent", formatPercent(node.total, node.parent.total), "detail-of-parent");
    if (threadTimeDiffers(node)) {
      add("Thread time", formatTime(node.threadTotal) + " · what the threads spent: work handed to other threads " +
        "is shown in the time waited for it", "detail-thread-time");
    }
    add("Samples", formatCount(node.count), "detail-samples");
    const lines = nodeLines(app.profile, node);
    if (lines.length > 1) add("Lines sampled", lines.join(", "), "detail-lines");
    if (method && method.nodes.length > 1) {
      add("Method, all calls", formatTime(method.total) + " total · " + formatTime(method.self) + " self · " + method.nodes.length + " call sites");
    }
    this.root.appendChild(facts);
    if (method) this.relations(method);
    this.stack(nodePath(node));
  }

  /**
   * Details of a method, aggregated over every place it appears in the tree; for a method the
   * tree leaves out (the timeline draws every thread and every frame), what is known of `frame`.
   */
  showMethod(key, frame) {
    const app = this.app;
    const method = app.methodIndex().get(key);
    if (!method) {
      if (frame === undefined) return;
      clear(this.root);
      this.title(app.profile.frames[frame]);
      const note = el("p", "hint", app.profile.frames[frame].profilerOwn
        ? "This is the profiler's own code (a span, a task wrapper, the agent), which only the timeline shows: " +
          "the other views count its time as its caller's."
        : "This method is not in the call tree as shown: it ran on a thread the thread menu " +
          "leaves out, or it is the JDK's lambda or reflection plumbing, which only \"Show all\" keeps.");
      note.id = "detail-note";
      this.root.appendChild(note);
      return;
    }
    const total = app.tree.total;
    const heaviest = method.nodes.reduce((a, b) => (b.total > a.total ? b : a));
    clear(this.root);
    this.title(app.profile.frames[method.frame]);
    const facts = el("dl", "kv");
    const add = (k, v, id) => {
      facts.appendChild(el("dt", null, k));
      const d = el("dd", null, v);
      if (id) d.id = id;
      facts.appendChild(d);
    };
    add("Total time", formatTime(method.total) + " · " + formatPercent(method.total, total) + " of " + app.scope.label, "detail-total");
    add("Self time", formatTime(method.self) + " · " + formatPercent(method.self, total), "detail-self");
    add("Samples", formatCount(method.count), "detail-samples");
    add("Call sites", String(method.nodes.length));
    this.root.appendChild(facts);
    this.relations(method);
    this.stack(nodePath(heaviest), "Heaviest stack from the root");
  }

  title(frame) {
    const h = el("h2", "detail-name", frame.name);
    h.id = "detail-name";
    this.root.appendChild(h);
    const kv = el("dl", "kv");
    kv.appendChild(el("dt", null, "Class"));
    const c = el("dd", "mono", frame.cls || "(synthetic)");
    c.id = "detail-class";
    kv.appendChild(c);
    kv.appendChild(el("dt", null, "Method"));
    kv.appendChild(el("dd", "mono", frame.method));
    kv.appendChild(el("dt", null, "Location"));
    const loc = el("dd", "mono", frame.location || "unknown");
    loc.id = "detail-location";
    kv.appendChild(loc);
    this.root.appendChild(kv);
  }

  relations(method) {
    const list = (title, map, id) => {
      if (!map.size) return;
      this.root.appendChild(el("h3", null, title));
      const ul = el("ul", "rel");
      ul.id = id;
      const entries = Array.from(map.entries()).sort((a, b) => b[1] - a[1]).slice(0, 12);
      const methods = this.app.methodIndex();
      for (const [key, time] of entries) {
        const li = el("li");
        // named as the tree names it (a lambda's hidden class without its address)
        const related = methods.get(key);
        const b = el("button", "link", related ? this.app.profile.frames[related.frame].name : key);
        b.title = key;
        b.addEventListener("click", () => this.app.selectMethod(key));
        li.append(el("span", "t", formatTime(time)), b);
        ul.appendChild(li);
      }
      this.root.appendChild(ul);
    };
    list("Callers", method.callers, "detail-callers");
    list("Callees", method.callees, "detail-callees");
  }

  stack(path, title) {
    const head = el("h3", "stack-head", title || "Stack from the root");
    const copy = el("button", "copy", "Copy");
    copy.id = "detail-copy-stack";
    copy.title = "Copy as a Java stack trace, innermost frame first (for an issue, or an IDE's \"analyze stack trace\")";
    const frames = path.map(n => this.app.profile.frames[n.f]);
    copy.addEventListener("click", () => copyText(javaStackTrace(frames)).then(
      () => { copy.textContent = "Copied"; },
      () => { copy.textContent = "Copy failed: select the stack"; }));
    head.appendChild(copy);
    this.root.appendChild(head);
    const ol = el("ol", "stack");
    ol.id = "detail-stack";
    for (const f of frames) {
      const li = el("li", f.kind === KIND_APP ? "app" : f.kind === KIND_SYNTHETIC ? "synthetic" : "lib");
      // a space between name and place, so that a selection copies "Main.main Main.java:55"
      li.append(el("span", null, f.name), " ", el("span", "loc", f.location));
      ol.appendChild(li);
    }
    this.root.appendChild(ol);
  }
}

/**
 * Frames from the root down as a Java stack trace: innermost first, "\tat class.method(File.java:55)"
 * as StackTraceElement prints them, a thread's root as the header line ("main", as jstack names a
 * thread) and other made-up frames ([await]) as they are named.
 */
function javaStackTrace(frames) {
  const lines = [];
  let header = null;
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i];
    if (f.kind === KIND_SYNTHETIC) {
      if (!f.cls && f.method.startsWith("thread ")) header = "\"" + f.method.slice(7) + "\"";
      else lines.push("\t" + f.name);
      continue;
    }
    const where = f.file ? (f.line > 0 ? f.file + ":" + f.line : f.file) : "Unknown Source";
    lines.push("\tat " + f.cls + "." + f.method + "(" + where + ")");
  }
  if (header) lines.unshift(header);
  return lines.join("\n") + "\n";
}

/** Puts text on the clipboard: the Clipboard API, else the older copy command; a promise either way. */
function copyText(text) {
  const fallback = () => {
    const area = el("textarea");
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  };
  if (navigator.clipboard && navigator.clipboard.writeText) return navigator.clipboard.writeText(text).catch(fallback);
  try {
    return fallback();
  } catch (e) {
    return Promise.reject(e);
  }
}
