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
    const total = app.tree.total;
    clear(this.root);
    this.title(frame);
    const facts = el("dl", "kv");
    const add = (k, v, id) => {
      facts.appendChild(el("dt", null, k));
      const d = el("dd", null, v);
      if (id) d.id = id;
      facts.appendChild(d);
    };
    const base = shareBase(app.profile, node, total);
    const of = base === total ? " of total" : " of its thread";
    add("Total time", formatTime(node.total) + " · " + formatPercent(node.total, base) + of, "detail-total");
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
      const note = el("p", "hint", "This method is not in the call tree as shown: it ran on a thread the thread menu " +
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
    add("Total time", formatTime(method.total) + " · " + formatPercent(method.total, total) + " of total", "detail-total");
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
    this.root.appendChild(el("h3", null, title || "Stack from the root"));
    const ol = el("ol", "stack");
    ol.id = "detail-stack";
    for (const n of path) {
      const f = this.app.profile.frames[n.f];
      const li = el("li", f.kind === KIND_APP ? "app" : f.kind === KIND_SYNTHETIC ? "synthetic" : "lib");
      li.append(el("span", null, f.name), el("span", "loc", f.location));
      ol.appendChild(li);
    }
    this.root.appendChild(ol);
  }
}
