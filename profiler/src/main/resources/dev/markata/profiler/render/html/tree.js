// Call tree view: pyinstrument's shape, drawn as a virtual list. The open part of the tree is
// kept as a flat list of entries (a row each, in display order, with its depth); only the rows in
// view (and a margin) are elements of the page, placed at their index in a box as tall as all of
// them, so expanding a 10,000-post build's whole tree costs the rows on screen, not its 5,000+ rows
// (until 2026-12-06 every row was an element: "expand all" with "show all" froze the page 2.5 s).
// The focused row is always kept in the page, so focus and the one Tab stop survive scrolling.

const TREE_ROW = 19; // px: the rows' height in report.css (.virtual > .row)
const TREE_OVERSCAN = 20; // rows drawn above and below the window, so a scroll shows no gap

class TreeView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "tree");
    this.root.setAttribute("role", "tree");
    this.root.addEventListener("keydown", e => this.onKey(e));
    this.root.addEventListener("click", e => this.onClick(e));
    this.openGroups = new Set();
    this.open = new Set();
    this.flat = [];
    this.list = null;
    this.rendered = new Map(); // entry -> its row element, for the entries in the page
    this.focusEntry = null; // the row with the Tab stop
    // the view's box scrolls (all views share it): draw the rows that come into view
    app.viewArea.addEventListener("scroll", () => {
      if (this.app.current === "tree") this.renderWindow();
    });
    window.addEventListener("resize", () => {
      if (this.app.current === "tree") this.renderWindow();
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
    this.kidsCache = new Map();
    // lifted rows merged per method depend on the tree and on which frames are hidden; kept
    // otherwise, so that what was open stays open
    const hiding = [app.options.libraryMode, app.options.hideRegex].join("|");
    if (this.tree !== this.mergedTree || hiding !== this.mergedHiding) {
      this.merged = new Map();
      this.mergedTree = this.tree;
      this.mergedHiding = hiding;
    }
    if (this.tree !== this.expandedFor) {
      this.open = new Set();
      this.openGroups = new Set();
      this.autoExpand(this.tree, 0);
      this.expandedFor = this.tree;
    }
    // new grouping or threshold: open the heavy paths that now show, keeping what was open
    const signature = [app.options.libraryMode, app.options.hideRegex, app.options.showAll, app.options.threshold].join("|");
    if (signature !== this.optionsSignature) {
      if (this.optionsSignature !== undefined) this.autoExpand(this.tree, 0);
      this.optionsSignature = signature;
    }
    if (this.match) this.expandToMatches();
    this.app.showMatchPosition("");
    const focused = this.focusEntry && this.focusEntry.item;
    clear(this.root);
    this.rendered = new Map();
    this.flat = [];
    this.list = null;
    if (!(this.total > 0)) {
      this.root.appendChild(el("p", "empty", "No samples were recorded for this selection."));
      return;
    }
    this.flat = this.flatten(this.tree, 0);
    if (!this.flat.length) {
      this.root.appendChild(el("p", "empty", "No call is above the threshold (" + app.options.threshold +
        "% of the total); lower it under View options."));
      return;
    }
    this.list = el("div", "kids top virtual");
    this.root.appendChild(this.list);
    this.focusEntry = (focused && this.flat.find(e => sameItem(e.item, focused))) || this.flat[0];
    this.sized();
    // a new search scrolls to its first match: in a tree of thousands of rows it can be far down,
    // and the browser's own find sees only the rows in the page
    if (this.match && this.match !== this.searched) {
      const first = this.flat.findIndex(e => e.item.node && e.item.node.f >= 0 && this.match(e.item.node.f));
      if (first >= 0) this.reveal(first);
    }
    this.searched = this.match;
    this.renderWindow();
  }

  /** The rows of the open part of the tree under `node`, in display order, the first at `depth`. */
  flatten(node, depth) {
    const out = [];
    const stack = [{ items: this.kidsOf(node), i: 0, depth }];
    while (stack.length) {
      const level = stack[stack.length - 1];
      if (level.i >= level.items.length) {
        stack.pop();
        continue;
      }
      const item = level.items[level.i++];
      out.push({ item, depth: level.depth, pos: level.i, size: level.items.length, index: 0 });
      if (item.node && this.isOpen(item.node)) {
        const kids = this.kidsOf(item.node);
        if (kids.length) stack.push({ items: kids, i: 0, depth: level.depth + 1 });
      }
    }
    return out;
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

  /** Numbers the entries from `from` on and makes the list as tall as all rows. */
  sized(from = 0) {
    for (let i = from; i < this.flat.length; i++) this.flat[i].index = i;
    this.list.style.height = this.flat.length * TREE_ROW + "px";
  }

  /** How many rows the open tree has (in the page or not). */
  rowCount() {
    return this.flat.length;
  }

  /** The list's top, in the scrolled box's content. */
  listTop() {
    const area = this.app.viewArea;
    return this.list.getBoundingClientRect().top - area.getBoundingClientRect().top + area.scrollTop;
  }

  /**
   * Puts in the page the rows in view (and a margin) and the focused row, and removes the others.
   * Rows already in the page stay where they are (moving the focused one would blur it).
   */
  renderWindow() {
    if (!this.list || !this.list.isConnected) return;
    const area = this.app.viewArea;
    const top = this.listTop();
    const n = this.flat.length;
    const first = Math.max(0, Math.floor((area.scrollTop - top) / TREE_ROW) - TREE_OVERSCAN);
    const last = Math.min(n, Math.ceil((area.scrollTop + area.clientHeight - top) / TREE_ROW) + TREE_OVERSCAN);
    const wanted = [];
    const focus = this.focusEntry;
    if (focus && focus.index < first && this.flat[focus.index] === focus) wanted.push(focus);
    for (let i = first; i < last; i++) wanted.push(this.flat[i]);
    if (focus && focus.index >= last && this.flat[focus.index] === focus) wanted.push(focus);
    const keep = new Set(wanted);
    for (const [entry, row] of this.rendered) {
      if (!keep.has(entry)) {
        row.remove();
        this.rendered.delete(entry);
      }
    }
    let cursor = this.list.firstChild;
    for (const entry of wanted) {
      let row = this.rendered.get(entry);
      if (!row) {
        row = this.rowElement(entry);
        this.rendered.set(entry, row);
      }
      row.style.top = entry.index * TREE_ROW + "px";
      if (row === cursor) cursor = cursor.nextSibling;
      else this.list.insertBefore(row, cursor);
    }
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
    if (!this.match || !this.list) return;
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
    const here = this.pathOf(this.focusEntry.index);
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
    const i = this.flat.findIndex(e => e.item.node === target);
    if (i >= 0) this.focusIndex(i, takeFocus, true);
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

  /** The path of the row at `i`: its index among its siblings, and its parents', from the top. */
  pathOf(i) {
    const path = [];
    for (let j = i; j >= 0; j = this.parentIndex(j)) path.unshift(this.flat[j].pos - 1);
    return path;
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
      let hiddenCount = 0, hiddenTime = 0;
      // Every hidden frame's own time is the group's, however small each is (a template engine
      // spends its time in hundreds of frames under the threshold); only the application frames
      // found below them are held to the threshold, as children are.
      const visit = children(node).slice();
      while (visit.length) {
        const c = visit.pop();
        if (this.hidden(c.f)) {
          hiddenCount++;
          hiddenTime += c.self;
          libs.add(libraryOf(c.f));
          for (const k of children(c)) visit.push(k);
        } else {
          found.push(c);
        }
      }
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

  /** The element of one row: its time, share, name, place; a toggle when it has rows below it. */
  rowElement(entry) {
    const item = entry.item;
    const profile = this.app.profile;
    const row = el("div", "row");
    row.tabIndex = entry === this.focusEntry ? 0 : -1;
    row.setAttribute("role", "treeitem");
    row.setAttribute("aria-level", String(entry.depth + 1));
    row.setAttribute("aria-setsize", String(entry.size));
    row.setAttribute("aria-posinset", String(entry.pos));
    if (entry.depth) {
      row.style.setProperty("--depth", String(entry.depth));
      row.classList.add("nested");
    }
    row._entry = entry;
    row._item = item;
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
      return row;
    }
    if (item.self) {
      row.classList.add("self-row");
      row.appendChild(el("span", "name synthetic", "[self]"));
      if (item.self.f < 0 || this.app.profile.frames[item.self.f].method.startsWith("thread ")) {
        row.title = "Samples in which no Java frame was seen: the thread ran native code, or the sampler could not walk its stack";
      }
      return row;
    }
    const node = item.node;
    const frame = profile.frames[node.f];
    const name = el("span", "name", frame.name);
    if (frame.kind === KIND_APP) name.classList.add("app");
    else if (frame.kind === KIND_SYNTHETIC) name.classList.add("synthetic");
    else name.classList.add("lib");
    if (this.match && node.f >= 0 && this.match(node.f)) row.classList.add("match");
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
    return row;
  }

  /** Opens or closes a row; with `deep`, the whole subtree below it too. */
  toggle(row, wantOpen, deep) {
    const entry = row._entry;
    const item = entry.item;
    if (item.group) {
      // Opening a group shows the hidden frames in place of the marker, under its head's row.
      const head = item.group;
      this.openGroups.add(head);
      this.kidsCache.delete(head);
      const parent = this.parentIndex(entry.index);
      if (parent >= 0) this.refreshBelow(parent);
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
    this.refreshBelow(entry.index);
  }

  /** The index of the row a row is under (its parent), or -1 at the top level. */
  parentIndex(i) {
    const depth = this.flat[i].depth;
    for (let j = i - 1; j >= 0; j--) if (this.flat[j].depth < depth) return j;
    return -1;
  }

  /** Lays out again the rows under the row at `i` (opened, closed, a group shown) and focuses that row. */
  refreshBelow(i) {
    const entry = this.flat[i];
    let end = i + 1;
    while (end < this.flat.length && this.flat[end].depth > entry.depth) end++;
    const node = entry.item.node;
    const below = node && this.isOpen(node) ? this.flatten(node, entry.depth + 1) : [];
    for (let j = i; j < end; j++) {
      const row = this.rendered.get(this.flat[j]);
      if (row) row.remove();
      this.rendered.delete(this.flat[j]);
    }
    this.flat = this.flat.slice(0, i + 1).concat(below, this.flat.slice(end));
    this.sized(i);
    this.focusIndex(i);
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

  onClick(e) {
    const row = e.target.closest(".row");
    if (!row || !row._entry) return;
    this.focusIndex(row._entry.index);
    if (row._item.group || e.target.classList.contains("toggle") || e.detail === 2) {
      this.toggle(row, undefined, e.altKey);
    } else if (row._item.node) {
      this.select(row);
      if (row.getAttribute("aria-expanded") !== null) this.toggle(row, undefined, e.altKey);
    }
  }

  select(row) {
    for (const r of this.root.querySelectorAll(".row.selected")) r.classList.remove("selected");
    row.classList.add("selected");
    this.app.selectNode(row._item.node);
  }

  /**
   * Moves the focus row (the Tab stop) to the row at `i`, scrolling it into view, and the
   * keyboard's focus with it unless `takeFocus` is false; `centre`: a row out of view is scrolled
   * to the middle of the view (a jump to a search's match, shown with what is around it).
   */
  focusIndex(i, takeFocus = true, centre = false) {
    const entry = this.flat[i];
    if (!entry) return;
    const previous = this.focusEntry && this.rendered.get(this.focusEntry);
    if (previous) previous.tabIndex = -1;
    this.focusEntry = entry;
    this.reveal(i, centre);
    this.renderWindow();
    const row = this.rendered.get(entry);
    row.tabIndex = 0;
    if (takeFocus) row.focus({ preventScroll: true });
  }

  /** Scrolls the view as little as puts the row at `i` in it (with `centre`, a row out of view to the view's middle). */
  reveal(i, centre = false) {
    const area = this.app.viewArea;
    const top = this.listTop() + i * TREE_ROW;
    const out = top < area.scrollTop || top + TREE_ROW > area.scrollTop + area.clientHeight;
    if (out && centre) area.scrollTop = top - Math.floor((area.clientHeight - TREE_ROW) / 2);
    else if (top < area.scrollTop) area.scrollTop = top;
    else if (top + TREE_ROW > area.scrollTop + area.clientHeight) area.scrollTop = top + TREE_ROW - area.clientHeight;
  }

  onKey(e) {
    const row = e.target.closest(".row");
    if (!row || !row._entry) return;
    const i = row._entry.index;
    const n = this.flat.length;
    const expanded = row.getAttribute("aria-expanded");
    const page = Math.max(1, Math.floor(this.app.viewArea.clientHeight / TREE_ROW) - 1);
    switch (e.key) {
      case "ArrowDown":
        if (i + 1 < n) this.focusIndex(i + 1);
        break;
      case "ArrowUp":
        if (i > 0) this.focusIndex(i - 1);
        break;
      case "ArrowRight":
        if (expanded === "false" || (e.altKey && expanded !== null)) this.toggle(row, true, e.altKey);
        else if (expanded === "true" && i + 1 < n) this.focusIndex(i + 1);
        break;
      case "ArrowLeft": {
        if (expanded === "true") {
          this.toggle(row, false, e.altKey);
        } else {
          const parent = this.parentIndex(i);
          if (parent >= 0) this.focusIndex(parent);
        }
        break;
      }
      case "Enter":
      case " ":
        if (row._item.node) this.select(row);
        if (expanded !== null) this.toggle(row, undefined, e.altKey);
        break;
      case "Home":
        this.focusIndex(0);
        break;
      case "End":
        this.focusIndex(n - 1);
        break;
      case "PageDown":
        this.focusIndex(Math.min(n - 1, i + page));
        break;
      case "PageUp":
        this.focusIndex(Math.max(0, i - page));
        break;
      default:
        return;
    }
    e.preventDefault();
  }
}

/** Orders two rows' paths as the tree shows them: a row before the rows below it, siblings in turn. */
function comparePaths(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Whether two display items are the same row: one node, one group marker or one [self]. */
function sameItem(a, b) {
  if (a.node || b.node) return a.node === b.node;
  if (a.group || b.group) return a.group === b.group;
  return a.self === b.self;
}
