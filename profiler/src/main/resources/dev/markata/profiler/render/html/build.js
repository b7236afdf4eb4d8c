// Build view, for sessions with build spans (category "stage", "hook", "document"): time per
// lifecycle stage (wall time from the stage spans; running vs waiting from the samples),
// plugin x stage, and the slowest documents with their time per stage. A session whose metadata
// holds an earlier build's stage times (baseline.label, baseline.build_wall_nanos and
// baseline.stage.<stage> in nanoseconds: markata hands in its previous profiled build's) shows
// them beside this build's, with the change; baseline.floor_nanos, when given, is the least change
// that is not jitter (markata's console uses the same floor); baseline.gc_pauses and
// baseline.gc_pause_nanos, when given, follow this build's pauses on the JVM line.

/** The most characters of a document path's end that are never cut (its file name, mostly). */
const PATH_TAIL = 20;

class BuildView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "build");
  }

  /** For every span, the stage it belongs to: an enclosing "stage" span, else a "stage" attribute. */
  stageOfSpans() {
    const spans = this.app.profile.spans;
    const out = new Array(spans.length).fill(null);
    for (const span of spans) {
      for (let s = span; s; s = s.parent >= 0 ? spans[s.parent] : null) {
        if (s.category === "stage") {
          out[span.id] = s.name;
          break;
        }
        if (s.attrs.stage) {
          out[span.id] = s.attrs.stage;
          break;
        }
      }
    }
    return out;
  }

  render() {
    // the search filters the documents table; everything else is computed once
    const signature = this.app.search.text + "|" + this.app.search.regex;
    if (this.rendered === signature) return;
    this.rendered = signature;
    const p = this.app.profile;
    const stages = p.spans.filter(s => s.category === "stage").sort((a, b) => a.start - b.start);
    const stageNames = [];
    const wall = new Map();
    for (const s of stages) {
      if (!wall.has(s.name)) stageNames.push(s.name);
      wall.set(s.name, (wall.get(s.name) || 0) + (s.end - s.start));
    }
    const buildWall = Number(p.metadata.build_wall_nanos) || stages.reduce((a, s) => a + (s.end - s.start), 0);
    // sampled time per stage and thread state; a thread waiting for the work it handed to
    // others (the call tree's [await]) is counted apart: the workers' samples stand for that
    // stretch, and the console summary leaves it out of its running / waiting split too
    const stageOf = this.stageOfSpans();
    const awaits = awaitIndex(p);
    const sampled = new Map();
    for (const t of p.threads) {
      const waits = awaits[t.index];
      for (let i = 0; i < t.n; i++) {
        const stage = t.span[i] >= 0 ? stageOf[t.span[i]] : null;
        if (!stage) continue;
        let e = sampled.get(stage);
        if (!e) sampled.set(stage, e = [0, 0, 0, 0]);
        e[waits[i] !== -1 ? 3 : Math.min(t.state[i], 2)] += t.dur[i];
      }
    }
    clear(this.root);
    const failedStage = p.metadata.outcome && p.metadata.outcome !== "ok" ? p.metadata.failed_stage : null;

    this.root.appendChild(el("h2", "section-title", "Stages"));
    this.root.appendChild(el("p", "hint-line", "Wall time of each lifecycle stage; running and waiting are sampled thread time " +
      "inside the stage over all threads, so with worker threads they can exceed the wall time. Awaiting workers: " +
      "a thread blocked until the work it handed to other threads is done (in the call tree, that wait is filled " +
      "with the workers' work, scaled to it; what no work filled is [await])."));
    // what the JVM did meanwhile: its pauses stopped every thread, and the samples charge them to
    // whatever method each thread was in
    const jvm = p.jvm;
    const gcColumn = jvm && jvm.pauses.length > 0; // a column of blanks says nothing
    const baseline = baselineOf(p.metadata);
    if (jvm) {
      const clauses = jvmClauses(jvm, buildWall, stages);
      // the previous build's pauses, when its figures have them (the console's "GC pauses" row)
      if (baseline && baseline.gcPauses !== null) clauses.push("previous build " + formatCount(baseline.gcPauses) + " GC pause" +
        (baseline.gcPauses === 1 ? "" : "s") + ", " + formatTime(baseline.gcPauseNanos));
      const line = el("p", "hint-line jvm-line", "JVM: " + clauses.join(" · "));
      line.id = "build-jvm";
      this.root.appendChild(line);
    }
    if (baseline) {
      const note = el("p", "hint-line", "Previous: " + baseline.label);
      note.id = "build-baseline";
      this.root.appendChild(note);
    }
    // with a baseline, its time and the change follow this build's wall time
    const compared = (name, w) => {
      if (!baseline) return [];
      const before = baseline.stages.get(name);
      return before === undefined ? ["", "new"] : [formatTime(before), this.change(before, w, baseline.floor)];
    };
    const stageTable = this.table("build-stages", ["Stage", "Wall time"].concat(baseline ? ["Previous", "Change"] : [],
      ["% of build"], gcColumn ? ["GC pauses"] : [], ["Running", "Waiting", "Awaiting workers", "Unknown"]));
    // each stage's part of the pauses, by overlap: a pause across two stages is split between them
    const paused = new Map();
    if (gcColumn) for (const s of stages) paused.set(s.name, (paused.get(s.name) || 0) + pauseTimeBetween(jvm, s.start, s.end));
    const gcCell = name => (!gcColumn ? [] : paused.get(name) ? [formatTime(paused.get(name))] : [""]);
    for (const name of stageNames) {
      const w = wall.get(name), e = sampled.get(name) || [0, 0, 0, 0];
      const tr = this.row(stageTable, [this.link("stage", name), formatTime(w)].concat(compared(name, w), [formatPercent(w, buildWall)],
        gcCell(name), [formatTime(e[0]), formatTime(e[1]), formatTime(e[3]), formatTime(e[2])]));
      if (name === failedStage) {
        tr.classList.add("failed");
        tr.firstChild.append(" ", el("span", "outcome bad", p.metadata.outcome)); // failed, interrupted
      }
    }
    if (baseline) {
      // stages only the earlier build ran (this one failed before them, or a plugin's stage is gone)
      for (const [name, before] of baseline.stages) {
        if (!wall.has(name)) this.row(stageTable, [name, "", formatTime(before), "not run", ""].concat(gcColumn ? [""] : [], ["", "", "", ""]));
      }
    }
    const totalBefore = baseline && baseline.wall !== null ? [formatTime(baseline.wall), this.change(baseline.wall, buildWall, baseline.floor)]
      : baseline ? ["", ""] : [];
    this.row(stageTable, ["total", formatTime(buildWall)].concat(totalBefore, [""], gcColumn ? [formatTime(jvm.pauseTotal)] : [],
      ["", "", "", ""])).classList.add("total");

    const hooks = p.spans.filter(s => s.category === "hook");
    if (hooks.length) {
      this.root.appendChild(el("h2", "section-title", "Plugins × stages"));
      const byPlugin = new Map();
      for (const h of hooks) {
        const stage = h.attrs.stage || stageOf[h.id] || "?";
        if (!stageNames.includes(stage)) stageNames.push(stage);
        let m = byPlugin.get(h.name);
        if (!m) byPlugin.set(h.name, m = new Map());
        m.set(stage, (m.get(stage) || 0) + (h.end - h.start));
      }
      // a column only for the stages some hook ran in: a build has a dozen stages, most without
      // hooks, and empty columns pushed the busy ones and the totals out of the window
      const hookStages = stageNames.filter(s => Array.from(byPlugin.values()).some(m => m.has(s)));
      const t = this.table("build-plugins", ["Plugin"].concat(hookStages, ["Total"]));
      const rows = Array.from(byPlugin.entries()).map(([name, m]) => [name, m, Array.from(m.values()).reduce((a, b) => a + b, 0)]);
      rows.sort((a, b) => b[2] - a[2]);
      for (const [name, m, total] of rows) {
        this.row(t, [this.link("hook", name)].concat(hookStages.map(s => (m.has(s) ? formatTime(m.get(s)) : "")), [formatTime(total)]));
      }
    }

    const docs = p.spans.filter(s => s.category === "document");
    if (docs.length) {
      const byDoc = new Map();
      const docStages = [];
      for (const d of docs) {
        const stage = d.attrs.stage || stageOf[d.id] || "?";
        if (!docStages.includes(stage)) docStages.push(stage);
        let e = byDoc.get(d.name);
        if (!e) byDoc.set(d.name, e = { total: 0, stages: new Map(), plugins: new Set(), failed: false });
        if (d.attrs.failed === "true") e.failed = true;
        e.total += d.end - d.start;
        e.stages.set(stage, (e.stages.get(stage) || 0) + (d.end - d.start));
        if (d.attrs.plugin) e.plugins.add(d.attrs.plugin.replace(/^markata\.plugins\./, ""));
      }
      docStages.sort((a, b) => stageNames.indexOf(a) - stageNames.indexOf(b));
      // The first task a thread ran for a hook loaded and compiled the hook's code: the slowest
      // documents of a cold build are mostly those, and their content is not why.
      const firstOfHookOnThread = new Map();
      for (const d of docs) {
        const key = d.thread + " " + (d.attrs.stage || stageOf[d.id] || "?") + " " + (d.attrs.plugin || "");
        const first = firstOfHookOnThread.get(key);
        if (!first || d.start < first.start) firstOfHookOnThread.set(key, d);
      }
      const warmingUp = new Set(Array.from(firstOfHookOnThread.values(), d => d.name));
      // a document that failed comes first, however fast it failed: it is why the build did
      let ranked = Array.from(byDoc.entries())
        .sort((a, b) => (b[1].failed - a[1].failed) || (b[1].total - a[1].total));
      const all = ranked.length;
      const wanted = this.documentFilter();
      if (wanted) ranked = ranked.filter(([name]) => wanted(name));
      this.root.appendChild(el("h2", "section-title", wanted
        ? "Documents matching the search (" + Math.min(50, ranked.length) + " of " + ranked.length + " matching, " + all + " in all)"
        : "Slowest documents (" + Math.min(50, ranked.length) + " of " + all + ")"));
      const shown = ranked.slice(0, 50);
      if (shown.some(([name]) => warmingUp.has(name))) {
        this.root.appendChild(el("p", "hint-line", "warm-up: the document ran the first task of a plugin on its thread;" +
          " its time includes loading and compiling that plugin's code."));
      }
      const t = this.table("build-documents", ["Document", "Total"].concat(docStages, ["Plugins"]));
      for (const [name, e] of shown) {
        const tr = this.row(t, [this.link("document", name), formatTime(e.total)].concat(docStages.map(s => (e.stages.has(s) ? formatTime(e.stages.get(s)) : "")),
          [Array.from(e.plugins).join(", ")]));
        if (e.failed) {
          tr.classList.add("failed");
          tr.firstChild.append(" ", el("span", "outcome bad", "failed"));
        }
        if (warmingUp.has(name)) {
          const badge = el("span", "warm-up", "warm-up");
          badge.title = "The first task of a plugin on its thread: its time includes loading and compiling the plugin's code";
          tr.firstChild.append(" ", badge);
        }
      }
    }
  }

  /**
   * The change from an earlier time, coloured when it is 5% or more of it and at least floor
   * nanoseconds (red: slower now, green: faster, as in the Compare tab); smaller changes are left
   * plain, as build-to-build jitter: a 50 µs stage doubling is not news.
   */
  change(before, after, floor) {
    const diff = after - before;
    const moved = before > 0 && Math.abs(diff) >= 0.05 * before && Math.abs(diff) >= floor;
    return el("span", moved ? (diff > 0 ? "slower" : "faster") : null, formatChange(before, after));
  }

  /** The search as a test on document names, or null. */
  documentFilter() {
    const search = this.app.search;
    if (!search.text) return null;
    if (search.regex) {
      try {
        const re = new RegExp(search.text, "i");
        return name => re.test(name);
      } catch (e) {
        return null;
      }
    }
    const needle = search.text.toLowerCase();
    return name => name.toLowerCase().includes(needle);
  }

  /**
   * A stage's, plugin's or document's name as a link to the call tree of the samples inside it.
   * A document's path is cut in its middle when it does not fit (its start and its file name
   * stay; the whole path is the link's text and title): a path of deep folders, hundreds of
   * characters long, pushed the table's numbers out of the window.
   */
  link(category, name) {
    const path = category === "document";
    const b = el("button", path ? "link path" : "link", path ? null : name);
    b.title = (path ? name + "\n" : "") + "Show the call tree of what ran inside it";
    if (path) {
      // the file name, or the path's last characters when that is long, is never cut
      const slash = name.lastIndexOf("/");
      const cut = slash >= 0 && name.length - slash - 1 <= PATH_TAIL ? slash + 1 : Math.max(0, name.length - PATH_TAIL);
      const head = el("span", "head", name.slice(0, cut));
      // the table's font is monospaced: the tail is as many ch wide as it has characters
      head.style.maxWidth = "calc(100% - " + (name.length - cut) + "ch)";
      b.append(head, el("span", "tail", name.slice(cut)));
    }
    b.addEventListener("click", () => this.app.setFocus({ category, name }));
    return b;
  }

  table(id, headers) {
    const table = el("table", "grid");
    table.id = id;
    const tr = el("tr");
    headers.forEach((h, i) => tr.appendChild(el("th", i === 0 || h === "Plugins" ? "text" : null, h)));
    table._headers = headers;
    const thead = el("thead");
    thead.appendChild(tr);
    table.appendChild(thead);
    table.appendChild(el("tbody"));
    this.root.appendChild(table);
    return table;
  }

  row(table, cells) {
    const tr = el("tr");
    const last = cells.length - 1;
    const documents = table.id === "build-documents";
    cells.forEach((c, i) => {
      // a document's list of plugins (much the same for every document) is cut to fit, whole in
      // its title, so the tab needs no sideways scrolling; a long path is cut in its middle (link)
      const plugins = documents && i === last;
      const node = c instanceof Node;
      const td = el("td", plugins ? "text clip plugins" : i === 0 ? "text" : null, node ? null : c);
      if (node) td.appendChild(c);
      if (plugins) td.title = c;
      // the column's name in the cell, shown in a narrow window only, where the rows are laid
      // out as lines of "name value" (report.css): a phone scrolled the stage columns sideways
      if (i > 0 && c !== "") td.prepend(el("span", "cell-label", table._headers[i] + " "));
      else if (i > 0) td.classList.add("empty");
      tr.appendChild(td);
    });
    table.tBodies[0].appendChild(tr);
    return tr;
  }
}

/**
 * The earlier build handed in through the session's metadata, or null: its label, total wall
 * time (null when not given), wall time per stage, in the order given, and its GC pauses' count
 * and time (null when not given).
 */
function baselineOf(metadata) {
  const prefix = "baseline.stage.";
  const stages = new Map();
  for (const key of Object.keys(metadata)) {
    const nanos = Number(metadata[key]);
    if (key.startsWith(prefix) && key.length > prefix.length && Number.isFinite(nanos)) stages.set(key.slice(prefix.length), nanos);
  }
  if (!stages.size) return null;
  const wall = Number(metadata["baseline.build_wall_nanos"]);
  const floor = Number(metadata["baseline.floor_nanos"]);
  const pauses = Number(metadata["baseline.gc_pauses"]), pauseNanos = Number(metadata["baseline.gc_pause_nanos"]);
  const gcKnown = metadata["baseline.gc_pauses"] && metadata["baseline.gc_pause_nanos"] && pauses >= 0 && pauseNanos >= 0;
  return { label: metadata["baseline.label"] || "an earlier build", wall: Number.isFinite(wall) && metadata["baseline.build_wall_nanos"] ? wall : null,
    floor: Number.isFinite(floor) && floor > 0 ? floor : 0, stages,
    gcPauses: gcKnown ? pauses : null, gcPauseNanos: gcKnown ? pauseNanos : null };
}
