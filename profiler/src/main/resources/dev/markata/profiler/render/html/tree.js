// Call tree view: pyinstrument's shape. Rows are built only for expanded nodes, so a tree of a
// million nodes costs what is on screen.

class TreeView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "tree");
    this.root.setAttribute("role", "tree");
    this.root.addEventListener("keydown", e => this.onKey(e));
    this.root.addEventListener("click", e => this.onClick(e));
    this.openGroups = new Set();
    this.open = new Set();
  }

  /** Rebuilds the rows from the app's current tree and options, keeping what was open. */
  render() {
    const app = this.app;
    this.tree = app.tree;
    this.total = this.tree.total;
    this.hidden = makeHiddenTest(app.profile, app.options);
    this.threshold = app.options.showAll ? 0 : this.total * app.options.threshold / 100;
    this.match = app.matcher;
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
    clear(this.root);
    if (!(this.total > 0)) {
      this.root.appendChild(el("p", "empty", "No samples were recorded for this selection."));
      return;
    }
    const rootList = el("div", "kids top");
    for (const item of this.displayChildren(this.tree)) rootList.appendChild(this.itemElement(item));
    if (!rootList.firstChild) {
      this.root.appendChild(el("p", "empty", "No call is above the threshold (" + app.options.threshold +
        "% of the total); lower it under View options."));
      return;
    }
    this.root.appendChild(rootList);
    const first = this.root.querySelector(".row");
    if (first) first.tabIndex = 0;
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

  itemElement(item) {
    const profile = this.app.profile;
    const wrap = el("div", "node");
    const row = el("div", "row");
    row.tabIndex = -1;
    row.setAttribute("role", "treeitem");
    row._item = item;
    wrap.appendChild(row);
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
      return wrap;
    }
    if (item.self) {
      row.classList.add("self-row");
      row.appendChild(el("span", "name synthetic", "[self]"));
      if (item.self.f < 0 || this.app.profile.frames[item.self.f].method.startsWith("thread ")) {
        row.title = "Samples in which no Java frame was seen: the thread ran native code, or the sampler could not walk its stack";
      }
      return wrap;
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
    const expandable = this.displayChildren(node).length > 0;
    if (expandable) {
      const isOpen = this.isOpen(node);
      toggle.textContent = isOpen ? "▾" : "▸";
      row.setAttribute("aria-expanded", String(isOpen));
      if (isOpen) wrap.appendChild(this.kidsElement(node));
    }
    return wrap;
  }

  kidsElement(node) {
    const kids = el("div", "kids");
    kids.setAttribute("role", "group");
    for (const item of this.displayChildren(node)) kids.appendChild(this.itemElement(item));
    return kids;
  }

  /** Opens or closes a row; with `deep`, the whole subtree below it too. */
  toggle(row, wantOpen, deep) {
    const item = row._item;
    const wrap = row.parentNode;
    if (item.group) {
      // Opening a group shows the hidden frames in place of the marker.
      const head = item.group;
      this.openGroups.add(head);
      const headRow = wrap.parentNode.parentNode.querySelector(":scope > .row");
      this.rebuild(headRow);
      return;
    }
    if (!item.node) return;
    const node = item.node;
    const isOpen = this.isOpen(node);
    const open = wantOpen === undefined ? !isOpen : wantOpen;
    if (deep) this.setSubtree(node, open);
    if (open) {
      this.open.add(node);
    } else {
      this.open.delete(node);
      if (node.merged) for (const n of node.merged) this.open.delete(n);
      this.openGroups.delete(node); // closing a group's head folds its library frames again
    }
    this.rebuild(row);
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

  rebuild(row) {
    const wrap = row.parentNode;
    const fresh = this.itemElement(row._item);
    wrap.replaceWith(fresh);
    const newRow = fresh.querySelector(".row");
    newRow.tabIndex = 0;
    newRow.focus();
  }

  visibleRows() {
    return Array.from(this.root.querySelectorAll(".row"));
  }

  onClick(e) {
    const row = e.target.closest(".row");
    if (!row) return;
    this.focusRow(row);
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

  focusRow(row) {
    for (const r of this.root.querySelectorAll(".row[tabindex='0']")) r.tabIndex = -1;
    row.tabIndex = 0;
    row.focus();
  }

  onKey(e) {
    const row = e.target.closest(".row");
    if (!row) return;
    const rows = this.visibleRows();
    const i = rows.indexOf(row);
    const expanded = row.getAttribute("aria-expanded");
    switch (e.key) {
      case "ArrowDown":
        if (i + 1 < rows.length) this.focusRow(rows[i + 1]);
        break;
      case "ArrowUp":
        if (i > 0) this.focusRow(rows[i - 1]);
        break;
      case "ArrowRight":
        if (expanded === "false" || (e.altKey && expanded !== null)) this.toggle(row, true, e.altKey);
        else if (expanded === "true" && i + 1 < rows.length) this.focusRow(rows[i + 1]);
        break;
      case "ArrowLeft": {
        if (expanded === "true") {
          this.toggle(row, false, e.altKey);
        } else {
          const parentRow = row.parentNode.parentNode.closest(".node");
          if (parentRow) this.focusRow(parentRow.querySelector(":scope > .row"));
        }
        break;
      }
      case "Enter":
      case " ":
        if (row._item.node) this.select(row);
        if (expanded !== null) this.toggle(row, undefined, e.altKey);
        break;
      case "Home":
        this.focusRow(rows[0]);
        break;
      case "End":
        this.focusRow(rows[rows.length - 1]);
        break;
      default:
        return;
    }
    e.preventDefault();
  }
}
