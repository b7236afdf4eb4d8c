// Call tree view: pyinstrument's shape, drawn as a virtual list (rows.js): only the rows in view
// are elements of the page, so a 10,000-post build's whole tree opens at once.

class TreeView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "tree");
    this.root.setAttribute("role", "tree");
    this.openGroups = new Set();
    this.open = new Set();
    this.treeStates = new WeakMap(); // tree -> what was open in it
    this.rows = new VirtualRows(app, "tree", this.root, {
      kids: item => item === null ? this.kidsOf(this.tree) : item.node ? this.kidsOf(item.node) : [],
      isOpen: item => !!item.node && this.isOpen(item.node),
      fill: (row, entry) => this.fillRow(row, entry),
      toggle: (entry, open, deep) => this.toggle(entry, open, deep),
      activate: (entry, e) => {
        if (entry.item.node) this.select(entry);
        if (this.rows.rowOf(entry).getAttribute("aria-expanded") !== null) this.toggle(entry, undefined, e.altKey);
      },
      click: (entry, e) => {
        const row = this.rows.rowOf(entry);
        if (entry.item.group || e.target.classList.contains("toggle") || e.detail === 2) {
          this.toggle(entry, undefined, e.altKey);
        } else if (entry.item.node) {
          this.select(entry);
          if (row.getAttribute("aria-expanded") !== null) this.toggle(entry, undefined, e.altKey);
        }
      }
    });
  }

  /** Rebuilds the rows from the app's current tree and options, keeping what was open and the focused row. */
  render() {
    const app = this.app;
    this.tree = app.tree;
    this.total = this.tree.total;
    this.hidden = makeHiddenTest(app.profile, app.options);
    this.threshold = app.options.showAll ? 0 : this.total * app.options.threshold / 100;
    this.match = app.matcher;
    if (this.match !== this.searched) this.currentMatch = null;
    this.kidsCache = new Map();
    // lifted rows merged per method depend on the tree and on which frames are hidden; kept
    // otherwise, so that what was open stays open
    const hiding = [app.options.libraryMode, app.options.hideRegex].join("|");
    if (this.tree !== this.mergedTree || hiding !== this.mergedHiding) {
      this.merged = new Map();
      this.mergedTree = this.tree;
      this.mergedHiding = hiding;
    }
    const signature = [app.options.libraryMode, app.options.hideRegex, app.options.showAll, app.options.threshold].join("|");
    if (this.tree !== this.expandedFor) {
      // a tree shown before (the app keeps a few) opens as it was left
      const left = this.treeStates.get(this.tree);
      this.open = left ? left.open : new Set();
      this.openGroups = left ? left.openGroups : new Set();
      if (!left) this.autoExpand(this.tree, 0);
      this.treeStates.set(this.tree, { open: this.open, openGroups: this.openGroups });
      this.expandedFor = this.tree;
      this.optionsSignature = signature;
    } else if (signature !== this.optionsSignature) {
      // new grouping or threshold: open the heavy paths that now show, keeping what was open
      this.autoExpand(this.tree, 0);
      this.optionsSignature = signature;
    }
    if (this.match) this.expandToMatches();
    this.app.showMatchPosition("");
    const focused = this.rows.focusEntry && this.rows.focusEntry.item;
    clear(this.root);
    this.rows.reset();
    if (!(this.total > 0)) {
      this.root.appendChild(el("p", "empty", "No samples were recorded for this selection."));
      return;
    }
    if (!this.rows.show(this.root, focused && (item => sameItem(item, focused)))) {
      this.root.appendChild(el("p", "empty", "No call is above the threshold (" + app.options.threshold +
        "% of the total); lower it under View options."));
      return;
    }
    // a new search scrolls to its first match: in a tree of thousands of rows it can be far down,
    // and the browser's own find sees only the rows in the page
    if (this.match && this.match !== this.searched) {
      const first = this.rows.flat.findIndex(e => e.item.node && e.item.node.f >= 0 && this.match(e.item.node.f));
      if (first >= 0) this.rows.reveal(first);
    }
    this.searched = this.match;
    this.rows.renderWindow();
  }

  /** displayChildren, kept until the options, the tree or the node's group change. */
  kidsOf(node) {
    let kids = this.kidsCache.get(node);
    if (!kids) {
      kids = this.displayChildren(node);
      this.kidsCache.set(node, kids);
    }
    return kids;
  }

  /** How many rows the open tree has (in the page or not). */
  rowCount() {
    return this.rows.flat.length;
  }

  /** Opens the heavy paths at first sight: every node worth at least 10% of the total, depth permitting. */
  autoExpand(node, depth) {
    const stack = [node];
    let opened = 0;
    while (stack.length && opened < 400) {
      const n = stack.pop();
      for (const item of this.displayChildren(n)) {
        if (item.node && item.node.total >= this.total * 0.1 && item.node.kids) {
          this.open.add(item.node);
          opened++;
          stack.push(item.node);
        }
      }
    }
  }

  /** Opens the paths down to (at most 200) matching nodes. */
  expandToMatches() {
    let found = 0;
    const visit = [this.tree];
    while (visit.length && found < 200) {
      const n = visit.pop();
      for (const c of children(n)) {
        if (c.total < this.threshold) break;
        if (this.match(c.f)) {
          found++;
          for (let p = c.parent; p && p.f >= 0; p = p.parent) {
            this.open.add(p);
            if (this.hidden(p.f)) this.openGroups.add(this.groupHead(p));
          }
        }
        if (c.kids) visit.push(c);
      }
    }
  }

  /**
   * Moves the focus row to the next (`step` 1) or previous (-1) match of the search in tree
   * order, from the focus row, wrapping around at either end; opens the rows above it (rows out of
   * view are not in the page, so the browser's own find cannot get there) and scrolls it into
   * view. With `takeFocus` the keyboard's focus goes to it too (n, N, F3 in the tree; the search
   * box keeps it for Enter). Says "match i of N", N the matching rows of the tree as shown.
   */
  gotoMatch(step, takeFocus) {
    if (!this.match || !this.rows.list) return;
    const { below, heads } = this.matchPaths();
    // every run of library frames with a match in it shows its frames: each match is a row of its own
    let grouped = false;
    for (const head of heads) {
      if (!this.openGroups.has(head)) {
        this.openGroups.add(head);
        grouped = true;
      }
    }
    if (grouped) this.render();
    const matches = this.matchesInOrder(below);
    if (!matches.length) {
      this.app.showMatchPosition("no match in the tree as shown");
      return;
    }
    const here = this.rows.pathOf(this.rows.focusEntry.index);
    let k;
    if (step > 0) {
      k = matches.findIndex(m => comparePaths(m.path, here) > 0);
      if (k < 0) k = 0;
    } else {
      k = matches.length - 1;
      while (k >= 0 && comparePaths(matches[k].path, here) >= 0) k--;
      if (k < 0) k = matches.length - 1;
    }
    const target = matches[k].node;
    let opened = false;
    for (let p = target.parent; p && p.f >= 0; p = p.parent) {
      if (!this.isOpen(p)) {
        this.open.add(p);
        opened = true;
      }
    }
    if (opened) this.render();
    const i = this.rows.flat.findIndex(e => e.item.node === target);
    if (i >= 0) this.rows.focusIndex(i, takeFocus, true);
    // the match stepped to is marked, the keyboard's focus being in the search box for Enter
    this.currentMatch = target;
    for (const [entry, row] of this.rows.rendered) row.classList.toggle("current", entry.item.node === target);
    this.app.showMatchPosition("match " + (k + 1) + " of " + matches.length);
  }

  /**
   * Of the tree as shown (above the threshold): the nodes with a match below them, and the heads
   * of the runs of hidden library frames that a match is in or below. Kept while the tree, the
   * search and the options are.
   */
  matchPaths() {
    const key = [this.optionsSignature, this.mergedHiding].join("|");
    const cached = this.matchCache;
    if (cached && cached.tree === this.tree && cached.match === this.match && cached.key === key) return cached;
    const below = new Set();
    const heads = new Set();
    const stack = [this.tree];
    while (stack.length) {
      const n = stack.pop();
      for (const c of children(n)) {
        if (c.total < this.threshold) break;
        if (this.match(c.f)) {
          for (let p = c.parent; p && !below.has(p); p = p.parent) below.add(p);
          for (let p = c.parent; p && p.f >= 0; p = p.parent) if (this.hidden(p.f)) heads.add(this.groupHead(p));
        }
        if (c.kids) stack.push(c);
      }
    }
    this.matchCache = { tree: this.tree, match: this.match, key, below, heads };
    return this.matchCache;
  }

  /** The matching rows in tree order, each with its path (its index among its siblings at each level). */
  matchesInOrder(below) {
    const out = [];
    const hasMatchBelow = n => below.has(n) || (n.merged !== undefined && n.merged.some(m => below.has(m)));
    const stack = [{ items: this.kidsOf(this.tree), i: 0, path: [] }];
    while (stack.length) {
      const level = stack[stack.length - 1];
      if (level.i >= level.items.length) {
        stack.pop();
        continue;
      }
      const index = level.i++;
      const node = level.items[index].node;
      if (!node) continue;
      const path = level.path.concat(index);
      if (node.f >= 0 && this.match(node.f)) out.push({ node, path });
      if (hasMatchBelow(node)) stack.push({ items: this.kidsOf(node), i: 0, path });
    }
    return out;
  }

  groupHead(node) {
    let head = node;
    while (head.parent && head.parent.f >= 0 && this.hidden(head.parent.f)) head = head.parent;
    return head;
  }

  isGroupHead(node) {
    return this.hidden(node.f) && !(node.parent && node.parent.f >= 0 && this.hidden(node.parent.f));
  }

  /**
   * What is shown under a node: its children above the threshold; for the head of a run of
   * library frames (while not opened), a "N frames hidden" marker and the application frames
   * found below the hidden ones instead; a [self] row when the node also has time of its own.
   */
  displayChildren(node) {
    const items = [];
    const threshold = this.threshold;
    let shownTime = 0;
    if (node.f >= 0 && this.isGroupHead(node) && !this.openGroups.has(node)) {
      const found = [];
      const libs = new Set();
      const libraryOf = f => this.app.profile.frames[f].library || libraryName(this.app.profile.frames[f].cls);
      libs.add(libraryOf(node.f));
      // each hidden method once, however many paths it is on (the paths are merged into one row
      // per method found below): 50 paths of three frames each are not "151 frames hidden"
      const hiddenMethods = new Set();
      let hiddenTime = 0;
      // Every hidden frame's own time is the group's, however small each is (a template engine
      // spends its time in hundreds of frames under the threshold); only the application frames
      // found below them are held to the threshold, as children are.
      const visit = children(node).slice();
      while (visit.length) {
        const c = visit.pop();
        if (this.hidden(c.f)) {
          hiddenMethods.add(methodKeyOf(this.app.profile, c.f));
          hiddenTime += c.self;
          libs.add(libraryOf(c.f));
          for (const k of children(c)) visit.push(k);
        } else {
          found.push(c);
        }
      }
      const hiddenCount = hiddenMethods.size;
      const lifted = this.liftedOf(node, found).filter(c => c.total >= threshold);
      if (hiddenCount > 0 && (lifted.length > 0 || hiddenTime >= threshold)) {
        items.push({ group: node, count: hiddenCount, libs: Array.from(libs).sort(), time: hiddenTime });
        for (const c of lifted) {
          items.push({ node: c });
          shownTime += c.total;
        }
        shownTime += hiddenTime;
        if (node.self > 0 && node.self >= threshold) items.splice(1, 0, { self: node, time: node.self });
        return items;
      }
    }
    for (const c of children(node)) {
      if (c.total < threshold) break;
      items.push({ node: c });
      shownTime += c.total;
    }
    // The tree's root has own time too when the one thread's root was folded into it: samples
    // whose stack could not be walked. It is shown like the thread's [self], at the top level.
    if ((items.length || node.f < 0) && node.self > 0 && node.self >= threshold) {
      items.push({ self: node, time: node.self });
    }
    return items;
  }

  /**
   * The application frames found below a group head's hidden frames, one node per method,
   * heaviest first: the same method reached through different hidden paths (a class loader, a
   * framework's dispatch) is one row, as in the text report's tree (TreeProcessors merges them).
   * Until 2026-12-06 each path was a row of its own: an agent profile of Maven listed
   * ClassRealm.loadClass some fifty times under one "frames hidden" row.
   */
  liftedOf(head, found) {
    let lifted = this.merged.get(head);
    if (!lifted) {
      const byMethod = new Map();
      for (const c of found) {
        const key = methodKeyOf(this.app.profile, c.f);
        if (!byMethod.has(key)) byMethod.set(key, []);
        byMethod.get(key).push(c);
      }
      lifted = Array.from(byMethod.values(), nodes => mergedNode(this.app.profile, nodes, head));
      lifted.sort((a, b) => b.total - a.total);
      this.merged.set(head, lifted);
    }
    return lifted;
  }

  /** Whether a node is open; a merged node also when one of its nodes was opened (a search's match). */
  isOpen(node) {
    return this.open.has(node) || (node.merged !== undefined && node.merged.some(n => this.open.has(n)));
  }

  /** One row's content: its time, share, name, place; a toggle when it has rows below it. */
  fillRow(row, entry) {
    const item = entry.item;
    const profile = this.app.profile;
    const toggle = el("span", "toggle");
    row.appendChild(toggle);
    const time = item.node ? item.node.total : item.time;
    const base = shareBase(profile, item.node || item.group || item.self, this.total);
    // A group marker shows the time of the hidden frames themselves, and nothing when they had none.
    const timeText = item.group && !(time > 0) ? "" : this.app.formatValue(time, base);
    row.appendChild(el("span", "time " + shareClass(time, base), timeText));
    if (this.app.options.units !== "percent") row.appendChild(el("span", "pct", timeText ? formatPercent(time, base) : ""));
    if (item.group) {
      row.classList.add("group-row");
      toggle.textContent = "▸";
      row.setAttribute("aria-expanded", "false");
      row.appendChild(el("span", "group-label", item.count + " frame" + (item.count === 1 ? "" : "s") + " hidden"));
      row.appendChild(el("span", "libs", "(" + item.libs.join(", ") + ")"));
      return;
    }
    if (item.self) {
      row.classList.add("self-row");
      // a thread's own time (or the folded one thread's, at the top) is its samples without a
      // Java frame, which "[self]" does not say: named so, as in the text tree (TextRenderer.label)
      const noJava = item.self.f < 0 || this.app.profile.frames[item.self.f].method.startsWith("thread ");
      row.appendChild(el("span", "name synthetic", noJava ? "[no Java frames]" : "[self]"));
      if (noJava) {
        row.title = "Samples in which no Java frame was seen: the thread ran native code, or the sampler could not walk its stack";
      }
      return;
    }
    const node = item.node;
    const frame = profile.frames[node.f];
    const name = el("span", "name", frame.name);
    if (frame.kind === KIND_APP) name.classList.add("app");
    else if (frame.kind === KIND_SYNTHETIC) name.classList.add("synthetic");
    else name.classList.add("lib");
    if (this.match && node.f >= 0 && this.match(node.f)) {
      row.classList.add("match");
      if (node === this.currentMatch) row.classList.add("current");
    }
    row.appendChild(name);
    if (frame.location) row.appendChild(el("span", "loc", frame.location));
    if (frame.kind === KIND_SYNTHETIC && frame.method.startsWith("thread ") && threadTimeDiffers(node)) {
      const threadTime = el("span", "loc thread-time", formatTime(node.threadTotal) + " of thread time");
      threadTime.title = "The thread's time is the wall time it ran: work it handed to other threads and waited for " +
        "is shown in the time it waited, scaled; the threads spent this much on it all";
      row.appendChild(threadTime);
    }
    if (frame.cls && frame.kind !== KIND_SYNTHETIC) row.title = frame.full + (frame.location ? "  " + frame.location : "");
    if (this.app.selectedNode === node) row.classList.add("selected");
    if (this.kidsOf(node).length > 0) {
      const isOpen = this.isOpen(node);
      toggle.textContent = isOpen ? "▾" : "▸";
      row.setAttribute("aria-expanded", String(isOpen));
    }
  }

  /** Opens or closes a row (flips it when `wantOpen` is undefined); with `deep`, the whole subtree below it too. */
  toggle(entry, wantOpen, deep) {
    const item = entry.item;
    if (item.group) {
      // Opening a group shows the hidden frames in place of the marker, under its head's row.
      const head = item.group;
      this.openGroups.add(head);
      this.kidsCache.delete(head);
      const parent = this.rows.parentIndex(entry.index);
      if (parent >= 0) this.rows.refreshBelow(parent);
      else this.render();
      return;
    }
    if (!item.node) return;
    const node = item.node;
    const isOpen = this.isOpen(node);
    const open = wantOpen === undefined ? !isOpen : wantOpen;
    if (deep) {
      this.setSubtree(node, open);
      this.kidsCache = new Map(); // groups below opened or closed
    }
    if (open) {
      this.open.add(node);
    } else {
      this.open.delete(node);
      if (node.merged) for (const n of node.merged) this.open.delete(n);
      this.openGroups.delete(node); // closing a group's head folds its library frames again
      this.kidsCache.delete(node);
    }
    this.rows.refreshBelow(entry.index);
  }

  setSubtree(node, open) {
    const stack = [node];
    let n = 0;
    while (stack.length && n < 5000) {
      const c = stack.pop();
      n++;
      if (open) {
        this.open.add(c);
        if (this.isGroupHead(c)) this.openGroups.add(c);
      } else {
        this.open.delete(c);
      }
      for (const k of children(c)) if (k.total >= this.threshold) stack.push(k);
    }
  }

  select(entry) {
    for (const r of this.root.querySelectorAll(".row.selected")) r.classList.remove("selected");
    const row = this.rows.rowOf(entry);
    if (row) row.classList.add("selected");
    this.app.selectNode(entry.item.node);
  }
}

/** Whether two display items are the same row: one node, one group marker or one [self]. */
function sameItem(a, b) {
  if (a.node || b.node) return a.node === b.node;
  if (a.group || b.group) return a.group === b.group;
  return a.self === b.self;
}
