// The page: header, toolbar (views, thread, search, options), the active view and the details
// panel. Views share one model; each is built the first time it is shown.

const VIEW_TITLES = { tree: "Call tree", timeline: "Timeline", flame: "Flame graph", hot: "Hot methods", build: "Build", compare: "Compare" };

class App {
  constructor(profile, reportOptions) {
    this.profile = profile;
    this.reportOptions = reportOptions;
    const saved = Settings.load();
    // What the report was made with (markata.toml's show_all and threshold). The saved settings
    // are shared by every report opened from disk, so a choice of these holds only in reports
    // made with what it was chosen against: a report configured otherwise opens as configured
    // (a show_all = true build opened with show all off once any option was touched anywhere).
    this.configured = {
      threshold: reportOptions.thresholdPercent ?? 0.1,
      units: reportOptions.units || "seconds",
      showAll: !!reportOptions.showAll
    };
    const chosen = key => saved[key] !== undefined && saved.configured && saved.configured[key] === this.configured[key]
      ? saved[key] : this.configured[key];
    this.options = {
      libraryMode: saved.libraryMode || "collapse",
      hideRegex: saved.hideRegex || "",
      threshold: chosen("threshold"),
      units: chosen("units"),
      showAll: chosen("showAll")
    };
    this.search = { text: "", regex: false };
    this.matcher = null;
    // the report options' thread, by id, when the session has it; else all threads
    const first = profile.threads.findIndex(t => reportOptions.threadId != null && t.id === reportOptions.threadId);
    this.thread = first >= 0 ? first : "all";
    this.views = {};
    this.selectedNode = null;
    this.focus = null; // a part of the build the trees are limited to: {category, name}
    this.scrolls = {}; // per view, where its scrolled area was left: the views share one
    this.trees = new Map(); // the last few call trees built (callTree), by thread, "show all" and focus
    this.hasBuild = profile.spans.some(s => s.category === "stage");
  }

  start() {
    const title = this.reportOptions.title || this.profile.target;
    document.title = title + " — markata profile";
    const app = document.getElementById("app");
    app.appendChild(this.header(title));
    app.appendChild(this.toolbar());
    app.appendChild(this.focusNote());
    const main = el("div", "main");
    this.viewArea = el("div", "view-area");
    this.viewArea.id = "view";
    this.details = new DetailsPanel(this);
    main.appendChild(this.viewArea);
    main.appendChild(this.details.root);
    app.appendChild(main);
    this.rebuildTree();
    // the view the address names (index.html#build, bookmarked or sent), else the report's own
    let first = this.viewInAddress() || this.reportOptions.initialView || "tree";
    if (first === "build" && !this.hasBuild) first = "tree";
    this.show(first);
    // the fragment edited in the address bar, or Back to one typed there: the page follows
    window.addEventListener("hashchange", () => {
      const id = this.viewInAddress();
      if (id !== this.current) this.show(id || this.current);
    });
    // the system switching light and dark while the page is open: the CSS follows by itself,
    // the canvas drawn in the old colours is drawn again (views not shown draw when shown)
    if (window.matchMedia) {
      window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
        const view = this.views[this.current];
        if (view && view.canvas) view.render();
      });
    }
    window.markataReport = this; // for the browser tests and the curious
    this.api = { parseProfile, buildCallTree, methodIndex, makeMatcher, matchedTime, spansInside, makeFrame, isTaskEntryClass, isBlockingCall };
  }

  header(title) {
    const p = this.profile;
    const h = el("header", "report-header");
    const line = el("div", "title-line");
    line.appendChild(el("span", "brand", "markata profile"));
    const t = el("h1", "target", title);
    t.id = "target";
    t.title = title; // the page shows two lines of it (report.css)
    line.appendChild(t);
    const outcome = p.metadata.outcome;
    if (outcome) {
      let text = outcome === "ok" ? "build ok" : "build " + outcome;
      if (p.metadata.failed_stage) text += " at stage " + p.metadata.failed_stage;
      if (p.metadata.failed_plugin) text += " (" + p.metadata.failed_plugin + ")";
      // a program the Java agent profiled, no build: what ended it (the exception, its thread)
      if (p.metadata.uncaught_exception && !p.metadata.failed_stage) text = outcome + ": " + p.metadata.uncaught_exception;
      const badge = el("span", "outcome " + (outcome === "ok" ? "ok" : "bad"), text);
      badge.id = "outcome";
      if (p.metadata.error) badge.title = p.metadata.error + (p.metadata.failed_document ? "\n" + p.metadata.failed_document : "");
      line.appendChild(badge);
    }
    // the sampler failed before the end ("at 1.234 s: OutOfMemoryError: ..."): what follows is missing, not idle
    const stopped = p.metadata["sampling.stopped"];
    if (stopped) {
      const warning = el("span", "outcome bad", "sampling stopped " + stopped.replace(": ", " (") + "): the rest is not in the profile");
      warning.id = "sampling-stopped";
      line.appendChild(warning);
    }
    h.appendChild(line);
    const facts = el("dl", "facts");
    facts.id = "facts";
    const add = (label, value, id) => {
      const d = el("div", "fact");
      d.appendChild(el("dt", null, label));
      const v = el("dd", null, value);
      if (id) v.id = id;
      d.appendChild(v);
      facts.appendChild(d);
    };
    add("recorded", p.startedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC"));
    add("duration", formatTime(p.duration), "fact-duration");
    add("samples", formatCount(p.sampleCount), "fact-samples");
    const cpuShare = p.duration > 0 ? p.cpuTime / p.duration : 0;
    add("CPU", formatTime(p.cpuTime) + " (" + (100 * cpuShare).toFixed(0) + "% of a core)", "fact-cpu");
    add("threads", String(p.threads.length), "fact-threads");
    add("interval", formatTime(p.interval));
    add("async", p.asyncMode.toLowerCase());
    add("mode", p.timeMode.toLowerCase() + " time");
    add("sampler", p.sampler.name, "fact-sampler");
    facts.lastChild.querySelector("dd").title = p.sampler.detail;
    // a build's own clock figures, as its console summary prints them: the session's CPU time
    // also counts the profiler stopping and reading its recording back
    if (p.metadata.build_wall_nanos) add("build wall", formatTime(Number(p.metadata.build_wall_nanos)), "fact-build-wall");
    if (p.metadata.build_cpu_nanos) add("build CPU", formatTime(Number(p.metadata.build_cpu_nanos)), "fact-build-cpu");
    // what the JVM did beside the program (JvmActivity): its pauses are in every thread's samples
    if (p.jvm) {
      add("GC pauses", p.jvm.pauses.length ? formatCount(p.jvm.pauses.length) + " · " + formatTime(p.jvm.pauseTotal) : "none", "fact-gc");
      facts.lastChild.querySelector("dd").title = jvmClauses(p.jvm, p.duration).join("\n");
      if (p.jvm.compilerCpu !== null) add("JIT CPU", formatTime(p.jvm.compilerCpu), "fact-jit");
      if (p.jvm.classesLoaded !== null) add("classes loaded", formatCount(p.jvm.classesLoaded), "fact-classes");
    }
    h.appendChild(facts);
    if (p.metadata["report.resampled"]) {
      const note = el("p", "note", "Resampled: " + p.metadata["report.resampled"] + ". Totals are kept; the timeline is coarser.");
      note.id = "resample-note";
      h.appendChild(note);
    }
    if (p.metadata.error) {
      const err = el("p", "note error", p.metadata.error);
      err.id = "build-error";
      h.appendChild(err);
    }
    return h;
  }

  toolbar() {
    const bar = el("nav", "toolbar");
    const tabs = el("div", "tabs");
    tabs.setAttribute("role", "tablist");
    this.tabButtons = {};
    for (const id of Object.keys(VIEW_TITLES)) {
      if (id === "build" && !this.hasBuild) continue;
      const b = el("button", "tab", VIEW_TITLES[id]);
      b.id = "tab-" + id;
      b.setAttribute("role", "tab");
      b.addEventListener("click", () => this.show(id));
      tabs.appendChild(b);
      this.tabButtons[id] = b;
    }
    // arrow keys move between tabs, as in any tab list
    tabs.addEventListener("keydown", e => {
      const list = Array.from(tabs.querySelectorAll(".tab"));
      const i = list.indexOf(document.activeElement);
      if (i < 0) return;
      const next = e.key === "ArrowRight" ? list[(i + 1) % list.length] : e.key === "ArrowLeft" ? list[(i - 1 + list.length) % list.length] : null;
      if (next) {
        e.preventDefault();
        next.focus();
        next.click();
      }
    });
    bar.appendChild(tabs);

    const threadSel = el("select", "thread-select");
    threadSel.id = "thread-select";
    threadSel.title = "Which threads the call tree, flame graph and hot methods show";
    threadSel.appendChild(new Option("All threads (" + this.profile.asyncMode.toLowerCase() + ")", "all"));
    this.profile.threads.forEach((t, i) => threadSel.appendChild(new Option(t.name + " (" + formatTime(t.total) + ")", String(i))));
    threadSel.value = String(this.thread);
    threadSel.addEventListener("change", () => {
      this.thread = threadSel.value === "all" ? "all" : Number(threadSel.value);
      this.rebuildTree();
      this.refresh();
    });
    bar.appendChild(threadSel);

    const search = el("div", "search");
    const input = el("input");
    input.type = "search";
    input.id = "search";
    input.placeholder = "Search methods, classes, files (/)";
    input.setAttribute("aria-label", "Search");
    input.title = "Enter, Shift+Enter: the call tree's next, previous match (n, N or F3 outside the box)";
    const regex = el("input");
    regex.type = "checkbox";
    regex.id = "search-regex";
    const regexLabel = el("label", "check", "regex");
    regexLabel.prepend(regex);
    this.searchStatus = el("span", "search-status");
    this.searchStatus.id = "search-status";
    this.searchPosition = el("span", "search-status search-position");
    this.searchPosition.id = "search-position";
    this.searchPosition.setAttribute("aria-live", "polite");
    let timer = 0;
    const update = () => {
      timer = 0;
      this.search = { text: input.value, regex: regex.checked };
      this.matcher = makeMatcher(this.profile, this.search);
      this.updateSearchStatus();
      this.refresh();
    };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    });
    // Enter (Shift+Enter) in the box: the search as typed, then the call tree's next (previous)
    // match from its focus row; n, N, F3, Shift+F3 do the same from anywhere but a text field
    const step = (forward, takeFocus) => {
      if (timer) {
        clearTimeout(timer);
        update();
      }
      if (this.current === "tree" && this.matcher) this.views.tree.gotoMatch(forward ? 1 : -1, takeFocus);
    };
    input.addEventListener("keydown", e => {
      if (e.key === "Enter") {
        e.preventDefault();
        clearTimeout(timer);
        if (input.value !== this.search.text || regex.checked !== this.search.regex) update();
        step(!e.shiftKey, false);
      }
    });
    regex.addEventListener("change", update);
    search.append(input, regexLabel, this.searchStatus, this.searchPosition);
    bar.appendChild(search);
    document.addEventListener("keydown", e => {
      const active = document.activeElement;
      const typing = active && (["INPUT", "SELECT", "TEXTAREA"].includes(active.tagName) || active.isContentEditable);
      if (e.key === "/" && active.tagName !== "INPUT") {
        e.preventDefault();
        input.focus();
      } else if (e.key === "F3" || ((e.key === "n" || e.key === "N") && !typing && !e.ctrlKey && !e.metaKey && !e.altKey)) {
        if (this.current !== "tree" || !(this.search.text || input.value)) return;
        e.preventDefault();
        step(e.key === "F3" ? !e.shiftKey : e.key === "n", active !== input);
      }
    });

    bar.appendChild(this.optionsMenu());
    return bar;
  }

  optionsMenu() {
    const box = el("details", "options");
    box.appendChild(el("summary", null, "View options"));
    const body = el("div", "options-body");
    const o = this.options;
    const lib = el("select");
    lib.id = "opt-library";
    lib.appendChild(new Option("Collapse library code", "collapse"));
    lib.appendChild(new Option("Hide frames matching regex", "custom"));
    lib.appendChild(new Option("Show all frames", "off"));
    lib.value = o.libraryMode;
    const re = el("input");
    re.id = "opt-hide-regex";
    re.placeholder = "e.g. ^(java|jdk)\\.|Proxy";
    re.value = o.hideRegex;
    const threshold = el("input");
    threshold.id = "opt-threshold";
    threshold.type = "number";
    threshold.min = "0";
    threshold.max = "100";
    threshold.step = "0.1";
    threshold.value = String(o.threshold);
    const units = el("select");
    units.id = "opt-units";
    units.appendChild(new Option("Time (s, or ms under a second)", "seconds"));
    units.appendChild(new Option("Percent", "percent")); // of what: updateUnitsLabel, with the tree
    this.unitsSelect = units;
    units.value = o.units;
    const all = el("input");
    all.type = "checkbox";
    all.id = "opt-show-all";
    all.checked = o.showAll;
    const row = (label, control) => {
      const l = el("label", "opt", label);
      l.appendChild(control);
      body.appendChild(l);
    };
    row("Library code ", lib);
    row("Regex ", re);
    // a pattern that does not compile hides nothing: say so where it is typed, as the search box does
    const reError = el("span", "opt-error");
    reError.id = "opt-hide-regex-error";
    body.appendChild(reError);
    const checkRegex = () => {
      let message = "";
      if (lib.value === "custom" && re.value) {
        try {
          new RegExp(re.value);
        } catch (e) {
          message = "invalid regex: " + e.message;
        }
      }
      re.setCustomValidity(message);
      reError.textContent = message;
    };
    checkRegex();
    row("Threshold % ", threshold);
    row("Units ", units);
    row("Show all (no threshold, no grouping) ", all);
    const apply = () => {
      const t = Number(threshold.value);
      const plumbingChanged = this.options.showAll !== all.checked;
      Object.assign(this.options, {
        libraryMode: lib.value, hideRegex: re.value, threshold: Number.isFinite(t) && t >= 0 ? t : 0.1,
        units: units.value, showAll: all.checked
      });
      checkRegex();
      Settings.save(Object.assign({ configured: this.configured }, this.options));
      if (plumbingChanged) this.rebuildTree(); // "show all" keeps the JDK's lambda and reflection frames
      this.refresh();
    };
    for (const c of [lib, re, threshold, units, all]) c.addEventListener("change", apply);
    box.appendChild(body);
    // closed as a menu is: Escape (back to its summary) or a click elsewhere; a details element
    // stays open over the view (most of a phone's) until its summary is clicked again
    box.addEventListener("keydown", e => {
      if (e.key !== "Escape" || !box.open) return;
      e.preventDefault();
      box.open = false;
      box.querySelector("summary").focus();
    });
    document.addEventListener("click", e => {
      if (box.open && !box.contains(e.target)) box.open = false;
    });
    return box;
  }

  /**
   * A time as the options ask: percent of `base` (the current tree's total unless given), or a
   * time in the unit the busiest thread's time calls for (treeTimeScale, formatTreeTime).
   */
  formatValue(nanos, base = this.tree.total) {
    if (this.options.units === "percent") return formatPercent(nanos, base);
    return formatTreeTime(nanos, this.timeScale);
  }

  /**
   * The time that picks the trees' unit: the busiest thread's, as in the text report, so a build
   * of 0.8 s prints milliseconds in both. In the tree with a row per thread the root's total is
   * every thread's time added up.
   */
  treeTimeScale() {
    if (!this.scope.allThreads) return this.tree.total;
    return children(this.tree).reduce((largest, thread) => Math.max(largest, thread.total), 0);
  }

  /** The note saying the trees show one part of the build (the Build tab's links), with the way back. */
  focusNote() {
    this.focusBar = el("div", "focus-note");
    this.focusBar.id = "focus-note";
    this.focusBar.hidden = true;
    return this.focusBar;
  }

  /**
   * Limits the call tree, flame graph, hot methods and compare to the samples inside a part of
   * the build ({category: "stage" | "hook" | "document", name}) and shows the tree, or lifts
   * the limit (null).
   */
  setFocus(focus) {
    this.focus = focus;
    clear(this.focusBar);
    this.focusBar.hidden = !focus;
    if (focus) {
      const { spans, wall } = focusOf(this.profile, focus);
      this.focusBar.append(el("span", null, "Only the samples inside " + focusKind(focus) + " " + focus.name + " (" + formatTime(wall) +
        " of wall time in " + spans + " span" + (spans === 1 ? "" : "s") + "; the timeline and the Build tab show the whole profile) "));
      const back = el("button", null, "Show the whole profile");
      back.id = "focus-clear";
      back.addEventListener("click", () => this.setFocus(null));
      this.focusBar.appendChild(back);
      this.focusTime = el("div", "focus-time");
      this.focusTime.id = "focus-time";
      this.focusBar.appendChild(this.focusTime);
    }
    this.rebuildTree();
    this.scrolls.tree = null; // another tree: it opens at its top
    if (focus) this.show("tree"); // from the Build tab's links; the way back stays in the view it is in
    else this.refresh();
  }

  rebuildTree() {
    this.tree = this.callTree(this.thread, this.options.showAll, this.focus);
    this.scope = treeScope(this.profile, this.tree, this.thread, this.focus);
    this.timeScale = this.treeTimeScale();
    this.selectedNode = null;
    for (const v of Object.values(this.views)) if (v.treeChanged) v.treeChanged();
    this.updateUnitsLabel();
    this.updateSearchStatus();
    this.updateFocusTime();
  }

  /**
   * The call tree for a thread choice, "show all" and focus: the last few are kept, so turning
   * "show all" off again (or going back to a thread or part of the build) costs nothing and
   * gives back the tree as it was left (TreeView keeps what was open per tree).
   */
  callTree(thread, showAll, focus) {
    const key = thread + "|" + showAll + "|" + (focus ? focus.category + "\u0000" + focus.name : "");
    let tree = this.trees.get(key);
    if (tree) {
      this.trees.delete(key); // most recently used last
    } else {
      tree = buildCallTree(this.profile, thread, showAll, focus ? focusOf(this.profile, focus) : null);
    }
    this.trees.set(key, tree);
    if (this.trees.size > 4) this.trees.delete(this.trees.keys().next().value);
    return tree;
  }

  /**
   * Names what the percent unit's shares are of, which depends on the tree: in the tree with a
   * row per thread each row's of its own thread (shareBase), else of the one thread or part.
   */
  updateUnitsLabel() {
    const option = this.unitsSelect && this.unitsSelect.querySelector("option[value='percent']");
    if (!option) return;
    const scope = this.scope;
    option.textContent = scope.allThreads ? "Percent of each row's thread" : "Percent of " + scope.label;
    this.unitsSelect.title = scope.allThreads
      ? "Percent: each row's share of its thread's time; a thread's own row, of " + scope.wall
      : "Percent: each row's share of " + scope.label;
  }

  /**
   * What the focused trees' times are: the focused span's own time on its thread, which is what
   * the Build tab gives; and, where it differs, what the same samples are in the whole profile's
   * tree (work on other threads scaled into the wait it filled on the thread that handed it over).
   */
  updateFocusTime() {
    if (!this.focus || !this.focusTime) return;
    let text = "Times are the " + focusKind(this.focus) + "'s own time on its thread, as in the Build tab: work it handed to other threads " +
      "is shown in the time it waited for it.";
    const whole = this.tree.wholeTreeTotal;
    if (whole !== undefined && formatTime(whole) !== formatTime(this.tree.total)) {
      text += " In the whole profile's tree the same samples are " + formatTime(whole) +
        ", their share of the wait on the thread that handed them over.";
    }
    this.focusTime.textContent = text;
  }

  /** The methods of the current tree (hot methods, details, search), kept with the tree. */
  methodIndex() {
    if (!this.tree.methods) this.tree.methods = methodIndex(this.profile, this.tree);
    return this.tree.methods;
  }

  /** Says where the last step to a search's match went ("match 3 of 40"), or nothing. */
  showMatchPosition(text) {
    if (this.searchPosition) this.searchPosition.textContent = text;
  }

  updateSearchStatus() {
    if (!this.searchStatus) return;
    this.showMatchPosition("");
    if (!this.search.text) {
      this.searchStatus.textContent = "";
      return;
    }
    if (!this.matcher) {
      this.searchStatus.textContent = "invalid regex";
      return;
    }
    const m = matchedTime(this.tree, this.matcher);
    this.searchStatus.textContent = m.nodes + " matches, " + formatPercent(m.total, this.scope.total) + " of " + this.scope.label +
      " (" + formatTime(m.total) + ")";
  }

  /** The view the address's fragment names, if the report has its tab (no Build tab, no #build); else null. */
  viewInAddress() {
    const id = location.hash.slice(1);
    return Object.prototype.hasOwnProperty.call(this.tabButtons, id) ? id : null;
  }

  show(id) {
    if (this.current) this.scrolls[this.current] = { top: this.viewArea.scrollTop, left: this.viewArea.scrollLeft };
    this.current = id;
    // the open view in the address, so it can be bookmarked, sent and reloaded; replaced, not
    // pushed: a history entry per tab would make Back walk the tabs instead of leaving the report
    if (location.hash !== "#" + id) {
      try {
        history.replaceState(history.state, "", "#" + id);
      } catch (e) {
        // a page not allowed to change its address (a sandboxed frame) still switches views
      }
    }
    for (const [k, b] of Object.entries(this.tabButtons)) {
      b.classList.toggle("active", k === id);
      b.setAttribute("aria-selected", String(k === id));
      b.tabIndex = k === id ? 0 : -1; // one Tab stop for the tab list, the arrow keys move along it
    }
    let view = this.views[id];
    if (!view) {
      const make = { tree: TreeView, timeline: TimelineView, flame: FlameView, hot: HotView, build: BuildView, compare: CompareView }[id];
      view = this.views[id] = new make(this);
    }
    clear(this.viewArea);
    this.viewArea.appendChild(view.root);
    this.viewArea.dataset.view = id;
    view.render();
    // each view is found where it was left (a link far down the Build tab opened the tree as far down)
    const scroll = this.scrolls[id];
    this.viewArea.scrollTop = scroll ? scroll.top : 0;
    this.viewArea.scrollLeft = scroll ? scroll.left : 0;
  }

  refresh() {
    const view = this.views[this.current];
    if (view) view.render();
  }

  /** Shows a call tree node's details (from the tree, flame graph or timeline). */
  selectNode(node) {
    this.selectedNode = node;
    this.details.showNode(node);
  }

  /**
   * Shows a method's details (from hot methods or the timeline), by class.method key; `frame`,
   * when given, is shown on its own should the method not be in the tree as shown.
   */
  selectMethod(key, frame) {
    this.details.showMethod(key, frame);
  }
}

function startReport() {
  const app = document.getElementById("app");
  let options = {};
  try {
    options = JSON.parse(document.getElementById("report-options").textContent);
    useLibraryRules(options.libraries);
    useFrameRules(options.frames);
    const started = performance.now();
    const profile = parseProfile(document.getElementById("profile-data").textContent);
    new App(profile, options).start();
    document.body.dataset.firstViewMs = String(Math.round(performance.now() - started));
    // since navigation start: reading and parsing the file plus the script's first view
    document.body.dataset.readyAtMs = String(Math.round(performance.now()));
    document.body.dataset.ready = "true";
  } catch (e) {
    app.appendChild(el("pre", "fatal", "This report could not be shown: " + (e && e.stack || e)));
    document.body.dataset.ready = "error";
    throw e;
  }
}

startReport();
