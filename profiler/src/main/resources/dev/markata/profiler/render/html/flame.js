// Flame graph: the aggregated call tree as boxes as wide as their time (root on top, heaviest
// first), or inverted: the hottest methods on top with who calls them below. Click to zoom; from
// the keyboard, arrows move a cursor between boxes, Enter zooms, Backspace and Escape zoom out.

const FL_ROW = 18;

class FlameView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "canvas-view flame");
    const bar = el("div", "canvas-bar");
    const inverted = el("input");
    inverted.type = "checkbox";
    inverted.id = "flame-inverted";
    const label = el("label", "check", "inverted (who calls the hottest methods)");
    label.prepend(inverted);
    inverted.addEventListener("change", () => {
      this.inverted = inverted.checked;
      this.zoomNode = null;
      this.cursor = null; // a node of the other tree
      this.render();
    });
    const reset = el("button", null, "Reset zoom");
    reset.id = "flame-reset";
    reset.addEventListener("click", () => {
      this.zoomNode = null;
      this.render();
    });
    this.status = el("span", "range");
    this.status.id = "flame-status";
    // what the keyboard cursor is on, for screen readers (the box's outline and tooltip show it)
    this.cursorText = el("span", "sr-only");
    this.cursorText.id = "flame-focus";
    this.cursorText.setAttribute("aria-live", "polite");
    bar.append(label, reset, this.status, this.cursorText, el("span", "hint-inline",
      "click or Enter: zoom · arrows: move between boxes · Backspace or a box above: zoom out · Esc: reset"));
    this.wrap = el("div", "canvas-wrap scroll");
    this.canvas = el("canvas");
    this.canvas.id = "flame-canvas";
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute("aria-label", "Flame graph; arrow keys move between boxes, Enter zooms to one, " +
      "Backspace zooms out a level, Escape resets");
    // the keyboard cursor's outline, over the canvas (moving it draws nothing again)
    this.cursorBox = el("div", "flame-cursor");
    this.cursorBox.id = "flame-cursor";
    this.cursorBox.hidden = true;
    this.wrap.append(this.canvas, this.cursorBox);
    this.tooltip = el("div", "tooltip");
    this.tooltip.id = "flame-tooltip";
    this.tooltip.hidden = true;
    this.emptyNote = el("p", "empty", "No samples were recorded for this selection.");
    this.emptyNote.hidden = true;
    this.root.append(bar, this.emptyNote, this.wrap, this.tooltip);
    this.inverted = false;
    this.zoomNode = null;
    this.canvas.addEventListener("mousemove", e => this.hover(e));
    this.canvas.addEventListener("mouseleave", () => {
      this.tooltip.hidden = true;
    });
    this.canvas.addEventListener("click", e => this.click(e));
    this.canvas.addEventListener("keydown", e => this.onKey(e));
    this.canvas.addEventListener("blur", () => {
      this.cursorShown = false;
      this.placeCursor();
    });
    window.addEventListener("resize", () => {
      if (this.app.current === "flame") this.render();
    });
    window.addEventListener("resize", () => this.placeCursor()); // after the render above
  }

  treeChanged() {
    this.invertedTree = null;
    this.zoomNode = null;
    this.cursor = null;
  }

  /** The tree read from the leaves: each method's self time, split by its callers, and theirs. */
  buildInverted() {
    const root = makeNode(-1, null);
    const stack = [this.app.tree];
    while (stack.length) {
      const n = stack.pop();
      if (n.kids) for (const c of n.kids.values()) stack.push(c);
      if (n.f < 0 || !(n.self > 0)) continue;
      let target = root;
      for (let a = n; a && a.f >= 0; a = a.parent) {
        target = childNode(target, a.f, methodKeyOf(this.app.profile, a.f));
        target.self += 0;
        target.total += n.self;
        target.count += n.selfCount;
      }
    }
    root.total = this.app.tree.total;
    settleLines(this.app.profile, root);
    return root;
  }

  currentTree() {
    if (!this.inverted) return this.app.tree;
    if (!this.invertedTree) this.invertedTree = this.buildInverted();
    return this.invertedTree;
  }

  render() {
    const tree = this.currentTree();
    this.emptyNote.hidden = tree.total > 0;
    const focus = this.zoomNode || tree;
    const width = Math.max(200, this.wrap.clientWidth - 14);
    const ancestors = [];
    for (let a = focus; a && a.f >= 0; a = a.parent) ancestors.unshift(a);
    // lay out boxes of the focused subtree, breadth-first, skipping those under half a pixel
    const boxes = [];
    const scale = focus.total > 0 ? width / focus.total : 0;
    const top = ancestors.length;
    ancestors.forEach((a, i) => boxes.push({ node: a, x: 0, w: width, depth: i, ancestor: i < ancestors.length - 1 }));
    const queue = [];
    if (focus.f >= 0) queue.push([focus, 0, top - 1]);
    else for (const [c, x] of this.layoutChildren(focus, 0, scale)) queue.push([c, x, top]);
    let maxDepth = top;
    while (queue.length) {
      const [n, x, depth] = queue.pop();
      const w = n.total * scale;
      if (w < 0.5) continue;
      if (n !== focus) boxes.push({ node: n, x, w, depth });
      if (depth > maxDepth) maxDepth = depth;
      if (depth < 1500) for (const [c, cx] of this.layoutChildren(n, x, scale)) queue.push([c, cx, depth + 1]);
    }
    const height = Math.min(32000, (maxDepth + 2) * FL_ROW);
    const ctx = sizeCanvas(this.canvas, width, height);
    const theme = themeColours();
    ctx.fillStyle = theme.bg;
    ctx.fillRect(0, 0, width, height);
    ctx.font = "11px ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace";
    ctx.textBaseline = "middle";
    const p = this.app.profile;
    const match = this.app.matcher;
    for (const b of boxes) {
      const f = p.frames[b.node.f];
      const matched = match && match(b.node.f);
      let fill;
      if (matched) fill = "#c9a227";
      else if (f.kind === KIND_APP) fill = "hsl(" + (10 + hashHue(f.cls) % 35) + ",75%," + (44 + hashHue(f.method) % 10) + "%)";
      else if (f.kind === KIND_SYNTHETIC) fill = "hsl(270,30%,45%)";
      else fill = "hsl(" + (30 + hashHue(f.library || f.cls) % 25) + ",45%," + (30 + hashHue(f.cls) % 10) + "%)";
      const faded = b.ancestor || (match && !matched);
      ctx.globalAlpha = b.ancestor ? 0.55 : (faded ? 0.35 : 1);
      ctx.fillStyle = fill;
      const y = b.depth * FL_ROW;
      ctx.fillRect(b.x, y, Math.max(0.5, b.w - 0.5), FL_ROW - 1);
      ctx.globalAlpha = 1;
      if (b.w > 28) {
        const label = fitText(ctx, f.name + " " + formatPercent(b.node.total, this.shareOf(b.node).base), b.w - 6);
        if (label) {
          // a faded box is mostly the page's background: its label takes the page's text colour
          ctx.fillStyle = matched ? "#111" : faded ? theme.text : "#f3f4f6";
          ctx.fillText(label, b.x + 3, y + FL_ROW / 2);
        }
      }
    }
    ctx.globalAlpha = 1;
    this.boxes = boxes;
    this.status.textContent = (this.inverted ? "inverted · " : "") + (focus.f >= 0
      ? "zoomed to " + p.frames[focus.f].name + " (" + formatTime(focus.total) + ")"
      : formatTime(tree.total) + " in " + formatCount(boxes.length) + " boxes") + " · " + this.sharesNote();
  }

  /** A box's share: as the call tree gives it (of its thread), or, inverted, of the whole tree (treeScope). */
  shareOf(node) {
    const scope = this.app.scope;
    return this.inverted ? { base: scope.total, label: scope.label } : nodeShare(this.app.profile, node, this.app.tree, scope);
  }

  /** What the boxes' percentages are of, for the status line. */
  sharesNote() {
    const scope = this.app.scope;
    if (!this.inverted && scope.allThreads) return "percentages of each box's thread, as in the call tree";
    return "percentages of " + scope.label + " (" + formatTime(scope.total) + ")";
  }

  /** Children of `n` with their x positions, heaviest on the left. */
  layoutChildren(n, x, scale) {
    const out = [];
    let cx = x;
    for (const c of children(n)) {
      out.push([c, cx]);
      cx += c.total * scale;
    }
    return out;
  }

  boxAt(e) {
    const rect = this.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left, y = e.clientY - rect.top;
    const depth = Math.floor(y / FL_ROW);
    for (const b of this.boxes || []) {
      if (b.depth === depth && x >= b.x && x < b.x + Math.max(b.w, 1)) return b;
    }
    return null;
  }

  hover(e) {
    const b = this.boxAt(e);
    if (!b) {
      this.tooltip.hidden = true;
      return;
    }
    const f = this.app.profile.frames[b.node.f];
    const share = this.shareOf(b.node);
    clear(this.tooltip);
    this.tooltip.appendChild(el("div", "tn", f.full));
    const self = this.inverted ? "" : " · self " + formatTime(b.node.self);
    this.tooltip.appendChild(el("div", null, formatTime(b.node.total) + " (" + formatPercent(b.node.total, share.base) + " of " +
      share.label + ")" + self));
    this.tooltip.appendChild(el("div", "td", (f.location || "unknown location") + " · " + formatCount(b.node.count) + " samples"));
    placeTooltip(this.tooltip, e.clientX, e.clientY);
  }

  click(e) {
    const b = this.boxAt(e);
    if (!b) return;
    this.cursorShown = false;
    this.zoomTo(b.node);
  }

  /** Zooms to a box's node and shows its details (a click, or Enter on the keyboard cursor). */
  zoomTo(node) {
    this.zoomNode = node;
    this.cursor = node;
    if (this.inverted) this.app.selectMethod(this.app.profile.frames[node.f].full);
    else this.app.selectNode(node);
    this.render();
    this.placeCursor();
  }

  /**
   * The keyboard: the first arrow puts a cursor on the first box (the zoomed one when zoomed);
   * Down goes to the heaviest callee (the box below, on the left), Up to the caller, Left and
   * Right to the boxes beside; Enter or Space zooms to it, Backspace zooms out one level, Escape
   * to the whole graph.
   */
  onKey(e) {
    const boxes = this.boxes || [];
    if (e.key === "Escape" || e.key === "Backspace") {
      e.preventDefault();
      const up = this.zoomNode && this.zoomNode.parent;
      this.zoomNode = e.key === "Backspace" && up && up.f >= 0 ? up : null;
      this.render();
      this.placeCursor();
      return;
    }
    if (!["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Enter", " "].includes(e.key) || !boxes.length) return;
    e.preventDefault();
    const current = this.cursor && boxes.find(b => b.node === this.cursor);
    if (!current) {
      const start = (this.zoomNode && boxes.find(b => b.node === this.zoomNode)) ||
        boxes.filter(b => b.depth === 0).sort((a, b) => a.x - b.x)[0];
      this.cursor = start.node;
    } else if (e.key === "Enter" || e.key === " ") {
      this.zoomTo(current.node);
    } else {
      const next = this.boxNextTo(current, e.key);
      if (next) this.cursor = next.node;
    }
    this.cursorShown = true;
    this.placeCursor();
  }

  /** The box an arrow key moves to from `b`, or null at an edge. */
  boxNextTo(b, key) {
    const boxes = this.boxes;
    const leftmost = list => list.sort((p, q) => p.x - q.x)[0] || null;
    const eps = 0.01;
    if (key === "ArrowDown") {
      return leftmost(boxes.filter(c => c.depth === b.depth + 1 && c.x >= b.x - eps && c.x < b.x + Math.max(b.w, 1)));
    }
    if (key === "ArrowUp") {
      return boxes.find(c => c.depth === b.depth - 1 && c.x <= b.x + eps && b.x < c.x + Math.max(c.w, 1)) || null;
    }
    const row = boxes.filter(c => c.depth === b.depth).sort((p, q) => p.x - q.x);
    const i = row.indexOf(b);
    return row[key === "ArrowLeft" ? i - 1 : i + 1] || null;
  }

  /** Outlines the keyboard cursor's box, scrolls it into view and says what it is (tooltip, live text). */
  placeCursor() {
    const b = this.cursorShown && this.cursor && this.app.current === "flame" && (this.boxes || []).find(c => c.node === this.cursor);
    this.cursorBox.hidden = !b;
    if (!b) {
      this.tooltip.hidden = true;
      return;
    }
    const top = b.depth * FL_ROW;
    Object.assign(this.cursorBox.style, {
      left: b.x + "px", top: top + "px", width: Math.max(b.w, 3) + "px", height: FL_ROW - 1 + "px"
    });
    const wrap = this.wrap;
    if (top < wrap.scrollTop) wrap.scrollTop = top;
    else if (top + FL_ROW > wrap.scrollTop + wrap.clientHeight) wrap.scrollTop = top + FL_ROW - wrap.clientHeight;
    const f = this.app.profile.frames[b.node.f];
    this.cursorText.textContent = f.name + ", " + formatTime(b.node.total) + (b.ancestor ? ", a caller of the zoomed box" : "");
    // the hover's tooltip, as if the pointer were on the box
    const rect = this.canvas.getBoundingClientRect();
    this.hover({ clientX: rect.left + b.x + Math.min(b.w / 2, 40), clientY: rect.top + top + FL_ROW / 2 });
  }
}
