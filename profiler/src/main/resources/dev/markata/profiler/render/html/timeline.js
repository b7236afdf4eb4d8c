// Timeline: a chronological icicle per thread (not aggregated), stage and hook spans as bands,
// GC pauses as thin red bands across every lane,
// Ctrl/Cmd+wheel or pinch to zoom at the pointer (the plain wheel scrolls, as anywhere on the
// page), drag to pan, hover for details. Drawn on a canvas one pixel
// column at a time, so 100,000 samples cost what fits on screen, not what was recorded.

const TL_ROW = 16, TL_LANE_HEADER = 20, TL_BAND = 18, TL_AXIS = 20, TL_MAX_DEPTH = 120;
/** A GC pause's band: translucent, so the frames it crosses stay readable. */
const GC_PAUSE_COLOUR = "rgba(255,92,64,0.35)";

class TimelineView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "canvas-view timeline");
    const bar = el("div", "canvas-bar");
    const zoomIn = el("button", null, "+");
    zoomIn.title = "Zoom in (+)";
    zoomIn.addEventListener("click", () => this.zoom(0.5, 0.5));
    const zoomOut = el("button", null, "−");
    zoomOut.title = "Zoom out (-)";
    zoomOut.addEventListener("click", () => this.zoom(2, 0.5));
    const reset = el("button", null, "Reset");
    reset.id = "timeline-reset";
    reset.addEventListener("click", () => this.resetView());
    this.rangeLabel = el("span", "range");
    this.rangeLabel.id = "timeline-range";
    bar.append(zoomIn, zoomOut, reset, this.rangeLabel,
      el("span", "hint-inline", "ctrl/⌘+wheel or pinch: zoom · drag or shift+wheel: pan · wheel: scroll · click: details"));
    // The canvas is the height of the window and stays in place (sticky); a spacer below it gives
    // the box the lanes' whole height, so the browser shows a scrollbar when threads' lanes lie
    // below the window (without it, only shift+wheel reached them, and nothing said they were there).
    this.wrap = el("div", "canvas-wrap lanes");
    this.canvas = el("canvas");
    this.canvas.id = "timeline-canvas";
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute("aria-label", "Timeline of samples per thread; + and - zoom, arrow keys pan");
    this.spacer = el("div", "lanes-spacer");
    this.wrap.append(this.canvas, this.spacer);
    this.wrap.addEventListener("scroll", () => {
      if (Math.round(this.scrollY) === Math.round(this.wrap.scrollTop)) return; // the page's own scrolling, mirrored
      this.scrollY = this.wrap.scrollTop;
      this.clampView();
      this.draw();
    });
    this.tooltip = el("div", "tooltip");
    this.tooltip.id = "timeline-tooltip";
    this.tooltip.hidden = true;
    // without a sample there is nothing to draw but the stage bands: say so, not a blank canvas
    this.emptyNote = el("p", "empty", "No samples were recorded.");
    this.emptyNote.hidden = true;
    // said for a moment when the wheel scrolls over the canvas: the wheel zoomed here until 2026-12-06
    this.wheelNote = el("div", "wheel-note", "ctrl/⌘ + wheel or pinch to zoom");
    this.wheelNote.id = "timeline-wheel-note";
    this.wheelNote.hidden = true;
    this.root.append(bar, this.emptyNote, this.wrap, this.tooltip, this.wheelNote);
    this.scrollY = 0;
    this.bindEvents();
    window.addEventListener("resize", () => {
      if (this.app.current === "timeline") this.render();
    });
  }

  /** Lays out one lane per thread, as deep as its deepest stack (capped). */
  computeLanes() {
    const p = this.app.profile;
    let extent = p.duration;
    this.lanes = [];
    for (const t of p.threads) {
      if (!t.n) continue;
      let maxDepth = 0;
      for (let i = 0; i < t.n; i++) {
        const s = t.stack[i];
        if (s >= 0 && p.stackDepth[s] > maxDepth) maxDepth = p.stackDepth[s];
      }
      if (t.end > extent) extent = t.end;
      this.lanes.push({ thread: t, depth: Math.min(maxDepth, TL_MAX_DEPTH) });
    }
    for (const s of p.spans) if (s.end > extent) extent = s.end;
    this.extent = Math.max(extent, 1);
    this.stages = p.spans.filter(s => s.category === "stage").sort((a, b) => a.start - b.start);
    this.hooks = p.spans.filter(s => s.category === "hook").sort((a, b) => a.start - b.start);
    let y = TL_AXIS + (this.stages.length ? TL_BAND : 0) + (this.hooks.length ? TL_BAND : 0);
    this.lanesTop = y;
    for (const lane of this.lanes) {
      lane.top = y;
      y += TL_LANE_HEADER + lane.depth * TL_ROW + 6;
    }
    this.contentHeight = y;
    this.emptyNote.hidden = this.lanes.length > 0;
    this.resetView();
  }

  /** The sample of `t` covering time `time`, or -1 (between samples, or outside the recording). */
  sampleAt(t, time) {
    const i = lowerBound(t.n, j => t.start[j], time + 1e-6) - 1;
    if (i < 0) return -1;
    return time < t.start[i] + t.dur[i] + this.tolerance ? i : -1;
  }

  /** The stack id at `depth` (0 = root) on the way to `stack`, or -1 when the stack is shallower. */
  ancestorAt(stack, depth) {
    const p = this.app.profile;
    if (stack < 0 || p.stackDepth[stack] <= depth) return -1;
    let s = stack;
    for (let up = p.stackDepth[stack] - 1 - depth; up > 0; up--) s = p.stackParent[s];
    return s;
  }

  resetView() {
    this.viewStart = 0;
    this.viewEnd = this.extent;
    this.scrollY = 0;
    this.draw();
  }

  render() {
    if (!this.lanes) this.computeLanes();
    this.draw();
  }

  zoom(factor, at) {
    const span = this.viewEnd - this.viewStart;
    const pivot = this.viewStart + span * at;
    let newSpan = Math.min(Math.max(span * factor, 1000), this.extent * 1.05);
    this.viewStart = pivot - newSpan * at;
    this.viewEnd = this.viewStart + newSpan;
    this.clampView();
    this.draw();
  }

  pan(fraction) {
    const span = this.viewEnd - this.viewStart;
    this.viewStart += span * fraction;
    this.viewEnd += span * fraction;
    this.clampView();
    this.draw();
  }

  clampView() {
    const span = this.viewEnd - this.viewStart;
    if (this.viewStart < 0) {
      this.viewStart = 0;
      this.viewEnd = span;
    }
    if (this.viewEnd > this.extent * 1.05) {
      this.viewEnd = this.extent * 1.05;
      this.viewStart = Math.max(0, this.viewEnd - span);
    }
    const maxScroll = Math.max(0, this.contentHeight - this.height + 20);
    this.scrollY = Math.min(Math.max(0, this.scrollY), maxScroll);
  }

  bindEvents() {
    const c = this.canvas;
    // The wheel zooms only with Ctrl or Cmd held (a trackpad's pinch comes as a wheel with Ctrl):
    // a plain wheel is left to the browser, which scrolls the lanes, then the page. Until
    // 2026-12-06 every wheel over the canvas zoomed, and on a narrow window, where the page
    // scrolls and the timeline fills most of it, the page could not be scrolled from there.
    c.addEventListener("wheel", e => {
      const rect = c.getBoundingClientRect();
      const at = (e.clientX - rect.left) / rect.width;
      const pixels = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? rect.height : 1;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        // a pinch sends small steps, a mouse's notch 100 px: at most x1.65 a notch
        const step = Math.max(-50, Math.min(50, e.deltaY * pixels));
        this.zoom(Math.exp(step * 0.01), at);
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        this.pan((Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY) * pixels / rect.width);
      } else {
        this.noteWheel();
      }
    }, { passive: false });
    this.bindTouch();
    let drag = null;
    c.addEventListener("mousedown", e => {
      drag = { x: e.clientX, y: e.clientY, start: this.viewStart, end: this.viewEnd, scroll: this.scrollY, moved: false };
    });
    window.addEventListener("mousemove", e => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      const perPx = (drag.end - drag.start) / this.width;
      this.viewStart = drag.start - dx * perPx;
      this.viewEnd = drag.end - dx * perPx;
      this.scrollY = drag.scroll - dy;
      this.clampView();
      this.draw();
    });
    window.addEventListener("mouseup", e => {
      if (drag && !drag.moved) this.click(e);
      drag = null;
    });
    c.addEventListener("mousemove", e => this.hover(e));
    c.addEventListener("mouseleave", () => {
      this.tooltip.hidden = true;
    });
    c.addEventListener("keydown", e => {
      const actions = {
        "+": () => this.zoom(0.5, 0.5), "=": () => this.zoom(0.5, 0.5), "-": () => this.zoom(2, 0.5),
        "ArrowLeft": () => this.pan(-0.2), "ArrowRight": () => this.pan(0.2), "0": () => this.resetView(),
        "ArrowUp": () => { this.scrollY -= 60; this.clampView(); this.draw(); },
        "ArrowDown": () => { this.scrollY += 60; this.clampView(); this.draw(); }
      };
      if (actions[e.key]) {
        e.preventDefault();
        actions[e.key]();
      }
    });
  }

  /** Says for a moment how to zoom, after a plain wheel over the canvas (which scrolls). */
  noteWheel() {
    this.wheelNote.hidden = false;
    clearTimeout(this.wheelNoteTimer);
    this.wheelNoteTimer = setTimeout(() => {
      this.wheelNote.hidden = true;
    }, 1500);
  }

  /**
   * Touch: two fingers pinch (the times under them stay under them: zoom and pan at once), one
   * finger dragged sideways pans. The canvas leaves vertical moves to the browser (touch-action:
   * pan-y, report.css), so a finger still scrolls the lanes and the page.
   */
  bindTouch() {
    const c = this.canvas;
    const touches = new Map(); // pointerId -> clientX
    let anchor = null; // the times under the fingers when they went down
    const timeAt = x => this.viewStart + x / this.width * (this.viewEnd - this.viewStart);
    const start = () => {
      const rect = c.getBoundingClientRect();
      const xs = Array.from(touches.values(), x => x - rect.left);
      anchor = { xs, times: xs.map(timeAt), span: this.viewEnd - this.viewStart };
    };
    c.addEventListener("pointerdown", e => {
      if (e.pointerType !== "touch") return;
      touches.set(e.pointerId, e.clientX);
      start();
    });
    c.addEventListener("pointermove", e => {
      if (e.pointerType !== "touch" || !touches.has(e.pointerId) || !anchor) return;
      touches.set(e.pointerId, e.clientX);
      const rect = c.getBoundingClientRect();
      const xs = Array.from(touches.values(), x => x - rect.left);
      if (xs.length >= 2 && anchor.xs.length >= 2) {
        const apart = xs[1] - xs[0];
        if (Math.abs(apart) < 10) return;
        const perPx = (anchor.times[1] - anchor.times[0]) / apart;
        if (!(perPx > 0)) return; // the fingers crossed
        const span = Math.min(Math.max(perPx * this.width, 1000), this.extent * 1.05);
        this.viewStart = anchor.times[0] - xs[0] * span / this.width;
        this.viewEnd = this.viewStart + span;
      } else if (xs.length === 1) {
        const perPx = anchor.span / this.width;
        this.viewStart = anchor.times[0] - xs[0] * perPx;
        this.viewEnd = this.viewStart + anchor.span;
      }
      this.clampView();
      this.draw();
    });
    const end = e => {
      if (!touches.delete(e.pointerId)) return;
      if (touches.size) start();
      else anchor = null;
    };
    c.addEventListener("pointerup", end);
    c.addEventListener("pointercancel", end);
  }

  /**
   * The box under a point: the frame at that depth of the sample under the pointer, stretched
   * over the neighbouring samples that share the same path down to it.
   */
  hit(x, y) {
    const yy = y + this.scrollY;
    for (const lane of this.lanes) {
      const rowsTop = lane.top + TL_LANE_HEADER;
      if (yy < rowsTop || yy >= rowsTop + lane.depth * TL_ROW) continue;
      const depth = Math.floor((yy - rowsTop) / TL_ROW);
      const t = lane.thread;
      const time = this.viewStart + x / this.width * (this.viewEnd - this.viewStart);
      const i = this.sampleAt(t, time);
      if (i < 0) return null;
      const stack = this.ancestorAt(t.stack[i], depth);
      if (stack < 0) return null;
      let from = i, to = i, self = 0;
      const limit = 200000;
      while (from > 0 && i - from < limit && t.start[from] - (t.start[from - 1] + t.dur[from - 1]) <= this.tolerance
             && this.ancestorAt(t.stack[from - 1], depth) === stack) from--;
      while (to + 1 < t.n && to - i < limit && t.start[to + 1] - (t.start[to] + t.dur[to]) <= this.tolerance
             && this.ancestorAt(t.stack[to + 1], depth) === stack) to++;
      for (let j = from; j <= to; j++) if (t.stack[j] === stack) self += t.dur[j];
      return { lane, depth, stack, start: t.start[from], end: t.start[to] + t.dur[to], self };
    }
    return null;
  }

  /** The stage or hook span under a point of the band strips, or null. */
  bandAt(x, y) {
    let top = TL_AXIS;
    const t = this.viewStart + x / this.width * (this.viewEnd - this.viewStart);
    for (const spans of [this.stages, this.hooks]) {
      if (!spans.length) continue;
      if (y >= top && y < top + TL_BAND) return spans.find(s => s.start <= t && t < s.end) || null;
      top += TL_BAND;
    }
    return null;
  }

  hover(e) {
    const rect = this.canvas.getBoundingClientRect();
    const pause = this.pauseAt(e.clientX - rect.left, e.clientY - rect.top);
    if (pause) {
      clear(this.tooltip);
      this.tooltip.appendChild(el("div", "tn", "GC pause " + formatTime(pause.dur) + " · " + pause.collector));
      this.tooltip.appendChild(el("div", null, pause.cause + " · " + pause.action));
      this.tooltip.appendChild(el("div", "td", "at " + formatTime(pause.start) + " → " + formatTime(pause.end) +
        " · every thread stood still; times to the millisecond"));
      this.placeTooltip(e);
      return;
    }
    const band = this.bandAt(e.clientX - rect.left, e.clientY - rect.top);
    if (band) {
      clear(this.tooltip);
      this.tooltip.appendChild(el("div", "tn", band.category + " " + band.name));
      this.tooltip.appendChild(el("div", null, formatTime(band.end - band.start) + " · " + formatTime(band.start) + " → " + formatTime(band.end)));
      const attrs = Object.entries(band.attrs).map(([k, v]) => k + "=" + v).join(" ");
      if (attrs) this.tooltip.appendChild(el("div", "td", attrs));
      this.tooltip.appendChild(el("div", "td", "click to zoom to it"));
      this.placeTooltip(e);
      return;
    }
    const h = this.hit(e.clientX - rect.left, e.clientY - rect.top);
    if (!h) {
      this.tooltip.hidden = true;
      return;
    }
    const p = this.app.profile;
    const f = p.frames[p.stackFrame[h.stack]];
    clear(this.tooltip);
    this.tooltip.appendChild(el("div", "tn", f.full));
    this.tooltip.appendChild(el("div", null, "time " + formatTime(h.end - h.start) + " · self " + formatTime(h.self)));
    this.tooltip.appendChild(el("div", "td", (f.location || "unknown location") + " · thread " + h.lane.thread.name));
    this.tooltip.appendChild(el("div", "td", "at " + formatTime(h.start) + " → " + formatTime(h.end)));
    this.placeTooltip(e);
  }

  placeTooltip(e) {
    placeTooltip(this.tooltip, e.clientX, e.clientY);
  }

  click(e) {
    const rect = this.canvas.getBoundingClientRect();
    if (e.target !== this.canvas) return;
    const band = this.bandAt(e.clientX - rect.left, e.clientY - rect.top);
    if (band) {
      const pad = (band.end - band.start) * 0.02;
      this.viewStart = band.start - pad;
      this.viewEnd = band.end + pad;
      this.clampView();
      this.draw();
      return;
    }
    const h = this.hit(e.clientX - rect.left, e.clientY - rect.top);
    if (h) {
      const frame = this.app.profile.stackFrame[h.stack];
      this.app.selectMethod(this.app.profile.frames[frame].full, frame);
    }
  }

  colour(frameId, dimmed) {
    const f = this.app.profile.frames[frameId];
    let c;
    if (f.kind === KIND_APP) c = "hsl(" + (195 + hashHue(f.cls) % 30) + ",60%," + (36 + hashHue(f.method) % 12) + "%)";
    else if (f.kind === KIND_SYNTHETIC) c = "hsl(40,70%,38%)";
    else c = "hsl(" + hashHue(f.library || f.cls) + ",22%," + (26 + hashHue(f.cls) % 10) + "%)";
    return dimmed ? c.replace(")", ",0.3)").replace("hsl(", "hsla(") : c;
  }

  draw() {
    if (!this.lanes) return;
    this.tolerance = Math.max(this.app.profile.interval, 1);
    const height = Math.max(200, this.wrap.clientHeight);
    // the spacer first: the scrollbar it brings takes from the width
    this.spacer.style.height = Math.max(0, this.contentHeight + 20 - height) + "px";
    const width = Math.max(200, this.wrap.clientWidth);
    this.width = width;
    this.height = height;
    if (Math.round(this.wrap.scrollTop) !== Math.round(this.scrollY)) this.wrap.scrollTop = this.scrollY;
    const ctx = sizeCanvas(this.canvas, width, height);
    const p = this.app.profile;
    const match = this.app.matcher;
    const t0 = this.viewStart, t1 = this.viewEnd, scale = width / (t1 - t0);
    const X = t => (t - t0) * scale;
    const theme = this.theme = themeColours();
    ctx.fillStyle = theme.bg;
    ctx.fillRect(0, 0, width, height);
    ctx.font = "11px ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace";
    ctx.textBaseline = "middle";

    // stage bands behind the lanes
    this.stages.forEach((s, i) => {
      const x0 = X(s.start), x1 = X(s.end);
      if (x1 < 0 || x0 > width) return;
      ctx.fillStyle = i % 2 ? "rgba(255,255,255,0.025)" : "rgba(79,157,255,0.045)";
      ctx.fillRect(x0, TL_AXIS, x1 - x0, height);
    });
    for (const lane of this.lanes) {
      const y0 = lane.top - this.scrollY;
      if (y0 > height || y0 + TL_LANE_HEADER + lane.depth * TL_ROW < this.lanesTop) continue;
      ctx.fillStyle = theme.panel;
      ctx.fillRect(0, y0, width, TL_LANE_HEADER - 2);
      ctx.fillStyle = theme.dim;
      ctx.fillText("thread " + lane.thread.name + " · " + formatTime(lane.thread.total), 6, y0 + TL_LANE_HEADER / 2 - 1);
      this.drawLane(ctx, lane, y0, width, scale);
    }
    this.drawPauses(ctx, X, width, TL_AXIS, height);
    // axis and span strips stay on top while the lanes scroll under them
    ctx.fillStyle = theme.bg;
    ctx.fillRect(0, 0, width, this.lanesTop);
    this.drawAxis(ctx, X, width);
    this.drawPauses(ctx, X, width, TL_AXIS - 6, TL_AXIS); // a mark on the axis too, where the lanes scroll away
    let y = TL_AXIS;
    if (this.stages.length) {
      this.drawBand(ctx, this.stages, y, X, width, true);
      y += TL_BAND;
    }
    if (this.hooks.length) this.drawBand(ctx, this.hooks, y, X, width, false);
    this.rangeLabel.textContent = formatTime(t0) + " – " + formatTime(t1) + " (" + formatTime(t1 - t0) + " shown)";
  }

  /**
   * Draws a lane one pixel column at a time: each column shows the sample at its middle, and
   * columns whose frame at a depth continues the same path merge into one box. The cost is the
   * canvas width times the depth, whatever the number of samples.
   */
  drawLane(ctx, lane, y0, width, scale) {
    const p = this.app.profile;
    const t = lane.thread;
    const match = this.app.matcher;
    const depthCap = lane.depth;
    const openStack = new Int32Array(depthCap).fill(-1);
    const openX = new Float64Array(depthCap);
    const anc = new Int32Array(depthCap);
    const flush = (d, x1) => {
      const stack = openStack[d];
      if (stack < 0) return;
      const y = y0 + TL_LANE_HEADER + d * TL_ROW;
      if (y + TL_ROW < this.lanesTop || y > this.height) return;
      const frame = p.stackFrame[stack];
      const x0 = openX[d];
      const matched = match && match(frame);
      ctx.fillStyle = matched ? "#c9a227" : this.colour(frame, match && !matched);
      ctx.fillRect(x0, y, Math.max(1, x1 - x0 - (x1 - x0 > 2 ? 0.5 : 0)), TL_ROW - 1);
      if (x1 - x0 > 24) {
        const label = fitText(ctx, p.frames[frame].name, x1 - x0 - 6);
        if (label) {
          ctx.fillStyle = matched ? "#111" : match ? this.theme.text : "#e8eaed"; // faded boxes: the page's text colour
          ctx.fillText(label, x0 + 3, y + TL_ROW / 2);
        }
      }
    };
    let i = Math.max(0, lowerBound(t.n, j => t.start[j], this.viewStart) - 1);
    let previous = -3;
    const cols = Math.ceil(width);
    for (let px = 0; px <= cols; px++) {
      const time = this.viewStart + (px + 0.5) / scale;
      while (i + 1 < t.n && t.start[i + 1] <= time) i++;
      const covered = px < cols && i < t.n && t.start[i] <= time && time < t.start[i] + t.dur[i] + this.tolerance;
      const stack = covered ? t.stack[i] : -2;
      if (stack === previous) continue;
      previous = stack;
      let depth = 0;
      if (stack >= 0) {
        const full = p.stackDepth[stack];
        depth = Math.min(full, depthCap);
        let s = stack;
        for (let k = full - 1; k >= 0; k--, s = p.stackParent[s]) if (k < depthCap) anc[k] = s;
      }
      // A box goes on while its path is the same methods, whatever the lines (as the Java
      // timeline merges adjacent calls of one method); it still ends where any caller changes.
      let changed = false;
      for (let d = 0; d < depthCap; d++) {
        const cur = d < depth ? anc[d] : -1;
        const open = openStack[d];
        if (open === cur && !changed) continue;
        if (!changed && open >= 0 && cur >= 0
            && methodKeyOf(p, p.stackFrame[open]) === methodKeyOf(p, p.stackFrame[cur])) continue;
        changed = true;
        flush(d, px);
        openStack[d] = cur;
        openX[d] = px;
      }
    }
    for (let d = 0; d < depthCap; d++) flush(d, cols);
  }

  /**
   * The GC pauses as thin translucent bands across every lane, between y0 and y1: every thread
   * stood still meanwhile, and its samples there charge the pause to the method it was in. At
   * least a pixel wide, so a 1 ms pause in a 10 s view is seen.
   */
  drawPauses(ctx, X, width, y0, y1) {
    const jvm = this.app.profile.jvm;
    if (!jvm || !jvm.pauses.length) return;
    ctx.fillStyle = GC_PAUSE_COLOUR;
    for (const q of jvm.pauses) {
      const x0 = X(q.start), x1 = X(q.end);
      if (x1 < -1 || x0 > width) continue;
      ctx.fillRect(x0, y0, Math.max(1, x1 - x0), y1 - y0);
    }
  }

  /** The GC pause under a point (within a few pixels: a pause can be one pixel wide), or null. */
  pauseAt(x, y) {
    const jvm = this.app.profile.jvm;
    if (!jvm || !jvm.pauses.length || y < TL_AXIS - 6) return null;
    const perPx = (this.viewEnd - this.viewStart) / this.width;
    const t = this.viewStart + x * perPx, slack = 3 * perPx;
    let best = null;
    for (const q of jvm.pauses) {
      if (q.start - slack <= t && t <= q.end + slack && (!best || Math.abs(t - (q.start + q.end) / 2) < Math.abs(t - (best.start + best.end) / 2))) best = q;
    }
    return best;
  }

  drawAxis(ctx, X, width) {
    const span = this.viewEnd - this.viewStart;
    const rough = span / Math.max(1, width / 110);
    const pow = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 5, 10].map(m => m * pow).find(s => s >= rough);
    ctx.strokeStyle = this.theme.line;
    ctx.fillStyle = this.theme.dim;
    ctx.beginPath();
    for (let t = Math.ceil(this.viewStart / step) * step; t <= this.viewEnd; t += step) {
      const x = Math.round(X(t)) + 0.5;
      ctx.moveTo(x, TL_AXIS - 5);
      ctx.lineTo(x, TL_AXIS);
      ctx.fillText(formatTime(t), x + 3, TL_AXIS / 2 - 1);
    }
    ctx.moveTo(0, TL_AXIS + 0.5);
    ctx.lineTo(width, TL_AXIS + 0.5);
    ctx.stroke();
  }

  drawBand(ctx, spans, y, X, width, stages) {
    const failed = this.app.profile.metadata.failed_stage;
    for (const s of spans) {
      const x0 = X(s.start), x1 = X(s.end);
      if (x1 < 0 || x0 > width || x1 - x0 < 0.5) continue;
      const bad = stages && failed && s.name === failed && this.app.profile.metadata.outcome !== "ok";
      ctx.fillStyle = bad ? "#7a2a25" : "hsl(" + hashHue(s.name) + "," + (stages ? 35 : 20) + "%," + (stages ? 30 : 24) + "%)";
      ctx.fillRect(x0, y + 1, Math.max(1, x1 - x0 - 1), TL_BAND - 2);
      const short = stages ? s.name : s.name.replace(/^.*\./, "");
      const label = fitText(ctx, short + " " + formatTime(s.end - s.start), x1 - x0 - 6);
      if (label) {
        ctx.fillStyle = "#e8eaed";
        ctx.fillText(label, Math.max(0, x0) + 3, y + TL_BAND / 2);
      }
    }
  }
}
