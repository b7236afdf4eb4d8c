// Compare: load a second saved session (the markata-profile JSON that Session.save writes) as
// the baseline and show, per call path, how much slower or faster this profile is.

class CompareView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "compare");
    const bar = el("div", "compare-bar");
    const input = el("input");
    input.type = "file";
    input.id = "compare-file";
    input.accept = ".json,.html,application/json,text/html"; // a saved session, or a report with one inside
    const label = el("label", null, "Baseline (a saved session .json, or another report .html): ");
    label.appendChild(input);
    this.status = el("span", "search-status");
    this.status.id = "compare-status";
    bar.append(label, this.status);
    this.body = el("div", "tree diff");
    this.body.id = "compare-tree";
    this.body.setAttribute("role", "tree");
    // the call tree's rows (rows.js): only those in view are in the page, so a 10,000-post
    // build's profile compared with another stays quick however much of it is open; its keys
    this.rows = new VirtualRows(app, "compare", this.body, {
      kids: n => this.sorted(n === null ? this.diff : n),
      isOpen: n => this.open.has(n),
      fill: (row, entry) => this.fillRow(row, entry.item),
      toggle: (entry, open, deep) => this.toggle(entry, open, deep),
      activate: entry => this.toggle(entry),
      click: entry => this.toggle(entry)
    });
    this.root.append(bar, el("p", "hint-line", "Rows pair call paths by class and method, over all threads; Δ is this profile minus the baseline " +
      "(red: slower now, green: faster). Sorted by the size of the change."), this.body);
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      if (!file) return;
      const reader = new FileReader();
      reader.onload = () => this.load(file.name, String(reader.result));
      reader.onerror = () => {
        this.status.textContent = file.name + ": could not be read";
      };
      reader.readAsText(file);
    });
  }

  load(name, text) {
    try {
      this.baseline = parseProfile(sessionText(text));
    } catch (e) {
      this.status.textContent = name + ": " + e.message;
      this.baseline = null;
      this.render();
      return;
    }
    this.baselineName = name;
    this.diff = null;
    this.render();
  }

  treeChanged() {
    this.diff = null;
  }

  /**
   * Pairs two call trees by the path of class.method names. The thread level is left out: a
   * tree has it only while more than one thread has samples of its own, which two runs of one
   * program need not agree on, and pool threads are numbered per run anyway.
   */
  buildDiff() {
    // with one thread picked in the thread menu, the baseline's thread of the same name: all of
    // the baseline against one thread of this profile reads as a large speed-up
    let baseChoice = "all";
    this.baselineThread = "";
    if (this.app.thread !== "all") {
      const name = this.app.profile.threads[this.app.thread].name;
      const index = this.baseline.threads.findIndex(t => t.name === name);
      if (index >= 0) baseChoice = index;
      this.baselineThread = index >= 0 ? ", thread " + name : " (no thread " + name + " in it: all its threads)";
    }
    // limited to the same part of the build as this profile's tree (the Build tab's links)
    const focus = this.app.focus;
    const base = buildCallTree(this.baseline, baseChoice, this.app.options.showAll, focus ? focusOf(this.baseline, focus) : null);
    if (focus) this.baselineThread += ", only " + focus.name;
    const mine = this.app.tree;
    const root = { label: "", before: 0, after: 0, kids: new Map(), parent: null, depth: 0 };
    const add = (tree, profile, field) => {
      root[field] += tree.total;
      const stack = [];
      const pushKids = (n, d) => {
        if (!n.kids) return;
        for (const c of n.kids.values()) {
          const f = profile.frames[c.f];
          const threadRoot = n === tree && f.kind === KIND_SYNTHETIC && f.method.startsWith("thread ");
          if (threadRoot) pushKids(c, d); // its callees pair with the other tree's top level
          else stack.push([c, d]);
        }
      };
      pushKids(tree, root);
      while (stack.length) {
        const [c, d] = stack.pop();
        const label = profile.frames[c.f].full;
        let k = d.kids.get(label);
        if (!k) d.kids.set(label, k = { label, before: 0, after: 0, kids: new Map(), parent: d, depth: d.depth + 1, frame: profile.frames[c.f] });
        k[field] += c.total;
        pushKids(c, k);
      }
    };
    add(base, this.baseline, "before");
    add(mine, this.app.profile, "after");
    // `change`: the biggest change anywhere in a subtree, so paths to a change stay open and on
    // top even where the changes below cancel out (+60 ms parsing, -60 ms templating)
    const order = [];
    const stack = [root];
    while (stack.length) {
      const n = stack.pop();
      order.push(n);
      for (const c of n.kids.values()) stack.push(c);
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const n = order[i];
      n.change = Math.max(n.change || 0, Math.abs(n.after - n.before));
      if (n.parent) n.parent.change = Math.max(n.parent.change || 0, n.change);
    }
    return root;
  }

  render() {
    const focused = this.rows.focusEntry && this.rows.focusEntry.item;
    clear(this.body);
    this.rows.reset();
    if (!this.baseline) {
      if (!this.status.textContent) this.status.textContent = "no baseline loaded";
      return;
    }
    if (!this.diff) {
      this.diff = this.buildDiff();
      this.open = new Set([this.diff]);
      const scale = Math.max(this.diff.before, this.diff.after);
      const stack = [this.diff];
      while (stack.length) { // open where the change is big
        const n = stack.pop();
        for (const c of n.kids.values()) {
          if (c.change >= scale * 0.05 && c.kids.size) {
            this.open.add(c);
            stack.push(c);
          }
        }
      }
    }
    this.kidsCache = new Map();
    const d = this.diff;
    this.status.textContent = "baseline " + this.baselineName + this.baselineThread + ": " + formatTime(d.before) + " → this profile " + formatTime(d.after)
      + " (" + this.delta(d) + ")";
    const head = el("div", "row diff-head");
    for (const h of ["", "before", "now", "Δ", "method"]) head.appendChild(el("span", h && h !== "method" ? "time" : "toggle", h));
    this.body.appendChild(head);
    if (!this.rows.show(this.body, focused && (n => n === focused))) {
      this.body.appendChild(el("p", "empty", "No call path is above the threshold (" + this.app.options.threshold +
        "% of the larger total); lower it under View options."));
      return;
    }
    this.rows.renderWindow();
  }

  delta(n) {
    return formatChange(n.before, n.after);
  }

  /** The rows under a path: its callees above the threshold, the biggest change first (kept until the next render). */
  sorted(n) {
    let kids = this.kidsCache.get(n);
    if (!kids) {
      const scale = Math.max(this.diff.before, this.diff.after);
      const threshold = this.app.options.showAll ? 0 : scale * this.app.options.threshold / 100;
      kids = Array.from(n.kids.values())
        .filter(c => Math.max(c.before, c.after) >= threshold)
        .sort((a, b) => b.change - a.change || b.after - a.after);
      this.kidsCache.set(n, kids);
    }
    return kids;
  }

  /** One row's content: before, now, the change, the method. */
  fillRow(row, n) {
    row._diff = n;
    const expandable = this.sorted(n).length > 0;
    const isOpen = this.open.has(n);
    row.appendChild(el("span", "toggle", expandable ? (isOpen ? "▾" : "▸") : ""));
    if (expandable) row.setAttribute("aria-expanded", String(isOpen));
    const diff = n.after - n.before;
    const scale = Math.max(this.diff.before, this.diff.after);
    row.appendChild(el("span", "time", formatTreeTime(n.before, scale)));
    row.appendChild(el("span", "time", formatTreeTime(n.after, scale)));
    const changeClass = Math.abs(diff) < scale * 0.001 ? "share-tiny" : diff > 0 ? "slower" : "faster";
    row.appendChild(el("span", "time delta " + changeClass, this.delta(n)));
    const name = el("span", "name " + (n.frame.kind === KIND_APP ? "app" : n.frame.kind === KIND_SYNTHETIC ? "synthetic" : "lib"), n.frame.name);
    name.title = n.label;
    row.appendChild(name);
  }

  /** Opens or closes a row (flips it when `wantOpen` is undefined); with `deep`, every row below it too. */
  toggle(entry, wantOpen, deep) {
    const n = entry.item;
    if (!this.sorted(n).length) return;
    const open = wantOpen === undefined ? !this.open.has(n) : wantOpen;
    const stack = [n];
    while (stack.length) {
      const c = stack.pop();
      if (open) this.open.add(c); else this.open.delete(c);
      if (deep) for (const k of this.sorted(c)) stack.push(k);
    }
    this.rows.refreshBelow(entry.index);
  }
}

/**
 * The session JSON inside `text`: the text itself, or, for a saved HTML report, its embedded
 * data element (parsed as an inert document: nothing in it runs or loads).
 */
function sessionText(text) {
  if (!/^\s*</.test(text)) return text;
  const doc = new DOMParser().parseFromString(text, "text/html");
  const data = doc.getElementById("profile-data");
  if (!data) throw new Error("an HTML file without a markata profile in it");
  return data.textContent;
}
