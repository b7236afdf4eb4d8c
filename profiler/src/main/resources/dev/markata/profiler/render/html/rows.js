// A tree drawn as a virtual list: the call tree and the Compare tab's tree. The open part of the
// tree is kept as a flat list of entries (a row each, in display order, with its depth); only the
// rows in view (and a margin) are elements of the page, placed at their index in a box as tall as
// all of them, so expanding a 10,000-post build's whole tree costs the rows on screen, not its
// 5,000+ rows (until 2026-12-06 every row was an element: "expand all" with "show all" froze the
// call tree 2.5 s; the Compare tab's tree stayed so until session 12). The focused row is always
// kept in the page, so focus and the tree's one Tab stop survive scrolling.

const TREE_ROW = 19; // px: the rows' height in report.css (.virtual > .row)
const TREE_OVERSCAN = 20; // rows drawn above and below the window, so a scroll shows no gap

class VirtualRows {
  /**
   * `view`: the app's view (its id) the rows are in: they are drawn as it scrolls while shown.
   * `container`: the element whose clicks and keys are the rows'. `owner` says what the rows are:
   *   kids(item)                the items under an item, in order (null: the top level)
   *   isOpen(item)              whether an item's kids are shown below it
   *   fill(row, entry)          the row's content (toggle, times, name...) and aria-expanded
   *   toggle(entry, open, deep) opens (true), closes (false) or flips (undefined) a row; with
   *                             `deep` its subtree too; then calls refreshBelow(entry.index)
   *   activate(entry, event)    Enter or Space on a row
   *   click(entry, event)       a click on a row (already focused)
   */
  constructor(app, view, container, owner) {
    this.app = app;
    this.view = view;
    this.owner = owner;
    this.flat = [];
    this.list = null;
    this.rendered = new Map(); // entry -> its row element, for the entries in the page
    this.focusEntry = null; // the row with the Tab stop
    container.addEventListener("keydown", e => this.onKey(e));
    container.addEventListener("click", e => {
      const row = e.target.closest(".row");
      if (!row || !row._entry || !this.list || !this.list.contains(row)) return;
      this.focusIndex(row._entry.index);
      this.owner.click(row._entry, e);
    });
    // the view's box scrolls (all views share it): draw the rows that come into view
    app.viewArea.addEventListener("scroll", () => {
      if (this.app.current === this.view) this.renderWindow();
    });
    window.addEventListener("resize", () => {
      if (this.app.current === this.view) this.renderWindow();
    });
  }

  /** Drops the rows (the list is gone from the page). */
  reset() {
    this.rendered = new Map();
    this.flat = [];
    this.list = null;
  }

  /**
   * Lays out the open tree into `parent` (after what it holds) and draws the rows in view; the
   * focus row is the one `wasFocused` picks, else the first. False when there is no row.
   */
  show(parent, wasFocused) {
    this.reset();
    this.flat = this.flatten(null, 0);
    if (!this.flat.length) return false;
    this.list = el("div", "kids top virtual");
    parent.appendChild(this.list);
    this.focusEntry = (wasFocused && this.flat.find(e => wasFocused(e.item))) || this.flat[0];
    this.sized();
    return true;
  }

  /** The entries of the open part of the tree under `item` (null: all of it), in display order, the first at `depth`. */
  flatten(item, depth) {
    const out = [];
    const stack = [{ items: this.owner.kids(item), i: 0, depth }];
    while (stack.length) {
      const level = stack[stack.length - 1];
      if (level.i >= level.items.length) {
        stack.pop();
        continue;
      }
      const it = level.items[level.i++];
      out.push({ item: it, depth: level.depth, pos: level.i, size: level.items.length, index: 0 });
      if (this.owner.isOpen(it)) {
        const kids = this.owner.kids(it);
        if (kids.length) stack.push({ items: kids, i: 0, depth: level.depth + 1 });
      }
    }
    return out;
  }

  /** Numbers the entries from `from` on and makes the list as tall as all rows. */
  sized(from = 0) {
    for (let i = from; i < this.flat.length; i++) this.flat[i].index = i;
    this.list.style.height = this.flat.length * TREE_ROW + "px";
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

  /** A row's element: its place in the tree for assistive technology, then the owner's content. */
  rowElement(entry) {
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
    this.owner.fill(row, entry);
    return row;
  }

  /** The row element of an entry, when it is in the page. */
  rowOf(entry) {
    return this.rendered.get(entry);
  }

  /** The index of the row a row is under (its parent), or -1 at the top level. */
  parentIndex(i) {
    const depth = this.flat[i].depth;
    for (let j = i - 1; j >= 0; j--) if (this.flat[j].depth < depth) return j;
    return -1;
  }

  /** The path of the row at `i`: its index among its siblings, and its parents', from the top. */
  pathOf(i) {
    const path = [];
    for (let j = i; j >= 0; j = this.parentIndex(j)) path.unshift(this.flat[j].pos - 1);
    return path;
  }

  /** Lays out again the rows under the row at `i` (opened, closed, its kids changed) and focuses that row. */
  refreshBelow(i) {
    const entry = this.flat[i];
    let end = i + 1;
    while (end < this.flat.length && this.flat[end].depth > entry.depth) end++;
    const below = this.owner.isOpen(entry.item) ? this.flatten(entry.item, entry.depth + 1) : [];
    for (let j = i; j < end; j++) {
      const row = this.rendered.get(this.flat[j]);
      if (row) row.remove();
      this.rendered.delete(this.flat[j]);
    }
    this.flat = this.flat.slice(0, i + 1).concat(below, this.flat.slice(end));
    this.sized(i);
    this.focusIndex(i);
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
    if (!row) return; // the list is not in the page (another view is shown)
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

  /**
   * A tree's keys (WAI-ARIA's tree pattern): Up, Down, Home, End, Page Up and Page Down move;
   * Right opens a row or steps into it, Left closes it or goes to its parent (with Alt: the whole
   * subtree); Enter and Space are the owner's.
   */
  onKey(e) {
    const row = e.target.closest(".row");
    if (!row || !row._entry || !this.list || !this.list.contains(row)) return;
    const entry = row._entry;
    const i = entry.index;
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
        if (expanded === "false" || (e.altKey && expanded !== null)) this.owner.toggle(entry, true, e.altKey);
        else if (expanded === "true" && i + 1 < n) this.focusIndex(i + 1);
        break;
      case "ArrowLeft": {
        if (expanded === "true") {
          this.owner.toggle(entry, false, e.altKey);
        } else {
          const parent = this.parentIndex(i);
          if (parent >= 0) this.focusIndex(parent);
        }
        break;
      }
      case "Enter":
      case " ":
        this.owner.activate(entry, e);
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

/** Orders two rows' paths as a tree shows them: a row before the rows below it, siblings in turn. */
function comparePaths(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
