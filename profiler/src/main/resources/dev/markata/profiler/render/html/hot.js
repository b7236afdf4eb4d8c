// Hot methods: a flat, sortable table of methods by self and total time (class + method, all
// lines together; a recursive method's total counts once per stack).

const HOT_LIMIT = 500;

class HotView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "hot");
    this.sortKey = "self";
    this.descending = true;
  }

  treeChanged() {
    this.rows = null;
  }

  render() {
    const app = this.app;
    const total = app.tree.total;
    const methods = Array.from(app.methodIndex().values()).filter(m => app.profile.frames[m.frame].kind !== KIND_SYNTHETIC || m.self > 0);
    const match = app.matcher;
    const shown = match ? methods.filter(m => match(m.frame)) : methods;
    const key = this.sortKey, sign = this.descending ? -1 : 1;
    const value = m => key === "name" ? app.profile.frames[m.frame].name.toLowerCase() : m[key];
    shown.sort((a, b) => {
      const va = value(a), vb = value(b);
      return va < vb ? -sign : va > vb ? sign : b.self - a.self;
    });
    clear(this.root);
    const note = match
      ? shown.length + " of " + methods.length + " methods match the search"
      : methods.length + " methods" + (methods.length > HOT_LIMIT ? ", the first " + HOT_LIMIT + " shown" : "");
    // a method's time is added up over every thread it ran on, so its share is of them all, where
    // the call tree's rows give shares of their own thread: say which
    const scope = app.scope;
    const of = "Percentages are of " + scope.label + " (" + formatTime(scope.total) + ")" +
      (scope.allThreads ? ", the threads' own rows added up; pick a thread above for one thread's" : "");
    this.root.appendChild(el("p", "hint-line", note + ". " + of + ". Click a header to sort, a row for details."));
    const table = el("table", "grid");
    table.id = "hot-table";
    const head = el("tr");
    const columns = [["name", "Method", "text"], ["location", "Location", "text"], ["self", "Self", ""], ["selfPct", "Self %", ""],
      ["total", "Total", ""], ["totalPct", "Total %", ""], ["count", "Samples", ""]];
    for (const [k, label, cls] of columns) {
      const th = el("th", cls);
      const sortable = k === "name" || k === "self" || k === "total" || k === "count";
      if (sortable) {
        const b = el("button", this.sortKey === k ? "sorted" : null, label + (this.sortKey === k ? (this.descending ? " ▾" : " ▴") : ""));
        b.dataset.sort = k;
        b.addEventListener("click", () => {
          if (this.sortKey === k) this.descending = !this.descending;
          else {
            this.sortKey = k;
            this.descending = k !== "name";
          }
          this.render();
        });
        th.appendChild(b);
        th.setAttribute("aria-sort", this.sortKey === k ? (this.descending ? "descending" : "ascending") : "none");
      } else {
        th.textContent = label;
      }
      head.appendChild(th);
    }
    const thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    const body = el("tbody");
    for (const m of shown.slice(0, HOT_LIMIT)) {
      const f = app.profile.frames[m.frame];
      const tr = el("tr");
      tr.tabIndex = -1; // one Tab stop for the table (the row last focused), rows by arrow keys
      const name = el("td", "text clip" + (f.kind === KIND_APP ? " app" : ""), f.name);
      name.title = f.full;
      const location = el("td", "text clip loc", f.location);
      location.title = f.location;
      const bar = el("span", "bar");
      bar.style.width = Math.round(60 * m.self / (total || 1)) + "px";
      const selfPct = el("td", shareClass(m.self, total));
      selfPct.append(bar, document.createTextNode(formatPercent(m.self, total)));
      tr.append(name, location, el("td", null, formatTime(m.self)), selfPct,
        el("td", null, formatTime(m.total)), el("td", shareClass(m.total, total), formatPercent(m.total, total)),
        el("td", null, formatCount(m.count)));
      const select = () => {
        for (const r of body.querySelectorAll("tr.selected")) r.classList.remove("selected");
        tr.classList.add("selected");
        app.selectMethod(m.key);
      };
      tr.addEventListener("click", select);
      tr.addEventListener("focus", () => {
        for (const r of body.querySelectorAll("tr[tabindex='0']")) if (r !== tr) r.tabIndex = -1;
        tr.tabIndex = 0;
      });
      tr.addEventListener("keydown", e => {
        if (e.key === "Enter") select();
        else if (e.key === "ArrowDown" && tr.nextSibling) tr.nextSibling.focus();
        else if (e.key === "ArrowUp" && tr.previousSibling) tr.previousSibling.focus();
        else if (e.key === "Home") body.firstChild.focus();
        else if (e.key === "End") body.lastChild.focus();
        else return;
        e.preventDefault();
      });
      body.appendChild(tr);
    }
    if (body.firstChild) body.firstChild.tabIndex = 0;
    table.appendChild(body);
    this.root.appendChild(table);
  }
}
