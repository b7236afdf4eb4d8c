// Timeline: a chronological icicle per thread (not aggregated), stage and hook spans as bands,
// wheel/pinch zoom at the pointer, drag to pan, hover for details. Drawn on a canvas from runs
// precomputed per depth, so 100,000 samples cost a binary search and what fits on screen.

const TL_ROW = 16, TL_LANE_HEADER = 20, TL_BAND = 18, TL_AXIS = 20, TL_MAX_DEPTH = 120;

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
      el("span", "hint-inline", "wheel or pinch: zoom · drag: pan · shift+wheel: scroll lanes · click: details"));
    this.wrap = el("div", "canvas-wrap");
    this.canvas = el("canvas");
    this.canvas.id = "timeline-canvas";
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute("aria-label", "Timeline of samples per thread; + and - zoom, arrow keys pan");
    this.wrap.appendChild(this.canvas);
    this.tooltip = el("div", "tooltip");
    this.tooltip.id = "timeline-tooltip";
    this.tooltip.hidden = true;
    this.root.append(bar, this.wrap, this.tooltip);
    this.scrollY = 0;
    this.bindEvents();
    window.addEventListener("resize", () => {
      if (this.app.current === "timeline") this.render();
    });
  }

  /** Merges each thread's consecutive samples into runs per depth: one box per frame occurrence. */
  computeLanes() {
    const p = this.app.profile;
    const tolerance = Math.max(p.interval, 1);
    let extent = p.duration;
    this.lanes = [];
    const anc = new Int32Array(4096);
    for (const t of p.threads) {
      if (!t.n) continue;
      const runs = [];
      const openStack = [], openStart = [], openEnd = [];
      let openDepth = 0, maxDepth = 0;
      const flush = d => {
        let r = runs[d];
        if (!r) r = runs[d] = { start: [], end: [], stack: [] };
        r.start.push(openStart[d]);
        r.end.push(openEnd[d]);
        r.stack.push(openStack[d]);
      };
      for (let i = 0; i < t.n; i++) {
        const s = t.stack[i];
        const depth = Math.min(s < 0 ? 0 : p.stackDepth[s], anc.length);
        let k = p.stackDepth[s] - 1;
        for (let x = s; x >= 0; x = p.stackParent[x], k--) if (k < anc.length) anc[k] = x;
        const st = t.start[i], en = st + t.dur[i];
        let same = true;
        for (let d = 0; d < depth; d++) {
          if (same && d < openDepth && openStack[d] === anc[d] && st - openEnd[d] <= tolerance) {
            openEnd[d] = en;
          } else {
            if (d < openDepth) flush(d);
            same = false;
            openStack[d] = anc[d];
            openStart[d] = st;
            openEnd[d] = en;
          }
        }
        for (let d = depth; d < openDepth; d++) flush(d);
        openDepth = depth;
        if (depth > maxDepth) maxDepth = depth;
        if (en > extent) extent = en;
      }
      for (let d = 0; d < openDepth; d++) flush(d);
      this.lanes.push({ thread: t, runs, depth: Math.min(maxDepth, TL_MAX_DEPTH) });
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
    this.resetView();
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
    c.addEventListener("wheel", e => {
      e.preventDefault();
      const rect = c.getBoundingClientRect();
      const at = (e.clientX - rect.left) / rect.width;
      if (e.shiftKey) {
        this.scrollY += e.deltaY;
        this.clampView();
        this.draw();
      } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        this.pan(e.deltaX / rect.width);
      } else {
        this.zoom(Math.exp(e.deltaY * (e.ctrlKey ? 0.01 : 0.002)), at);
      }
    }, { passive: false });
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

  /** The run under a point of the canvas: {lane, depth, index, stack}, or null. */
  hit(x, y) {
    const yy = y + this.scrollY;
    for (const lane of this.lanes) {
      const rowsTop = lane.top + TL_LANE_HEADER;
      if (yy < rowsTop || yy >= rowsTop + lane.depth * TL_ROW) continue;
      const depth = Math.floor((yy - rowsTop) / TL_ROW);
      const runs = lane.runs[depth];
      if (!runs) return null;
      const t = this.viewStart + x / this.width * (this.viewEnd - this.viewStart);
      const slack = 2 * (this.viewEnd - this.viewStart) / this.width; // two pixels, for thin boxes
      const i = lowerBound(runs.end.length, j => runs.end[j], t - slack);
      if (i < runs.end.length && runs.start[i] <= t + slack) return { lane, depth, index: i, stack: runs.stack[i], start: runs.start[i], end: runs.end[i] };
      return null;
    }
    return null;
  }

  /** Time in a run where its frame was the innermost one. */
  selfTime(lane, stack, start, end) {
    const t = lane.thread;
    let self = 0;
    for (let i = lowerBound(t.n, j => t.start[j], start); i < t.n && t.start[i] < end; i++) {
      if (t.stack[i] === stack) self += t.dur[i];
    }
    return self;
  }

  hover(e) {
    const rect = this.canvas.getBoundingClientRect();
    const h = this.hit(e.clientX - rect.left, e.clientY - rect.top);
    if (!h) {
      this.tooltip.hidden = true;
      return;
    }
    const p = this.app.profile;
    const f = p.frames[p.stackFrame[h.stack]];
    clear(this.tooltip);
    this.tooltip.appendChild(el("div", "tn", f.full));
    this.tooltip.appendChild(el("div", null, "time " + formatTime(h.end - h.start) + " · self " + formatTime(this.selfTime(h.lane, h.stack, h.start, h.end))));
    this.tooltip.appendChild(el("div", "td", (f.location || "unknown location") + " · thread " + h.lane.thread.name));
    this.tooltip.appendChild(el("div", "td", "at " + formatTime(h.start) + " → " + formatTime(h.end)));
    this.tooltip.hidden = false;
    const x = Math.min(e.clientX + 14, window.innerWidth - this.tooltip.offsetWidth - 8);
    const y = Math.min(e.clientY + 14, window.innerHeight - this.tooltip.offsetHeight - 8);
    this.tooltip.style.left = x + "px";
    this.tooltip.style.top = y + "px";
  }

  click(e) {
    const rect = this.canvas.getBoundingClientRect();
    if (e.target !== this.canvas) return;
    const h = this.hit(e.clientX - rect.left, e.clientY - rect.top);
    if (h) this.app.selectMethod(this.app.profile.frames[this.app.profile.stackFrame[h.stack]].full);
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
    const width = Math.max(200, this.wrap.clientWidth);
    const height = Math.max(200, this.wrap.clientHeight);
    this.width = width;
    this.height = height;
    const ctx = sizeCanvas(this.canvas, width, height);
    const p = this.app.profile;
    const match = this.app.matcher;
    const t0 = this.viewStart, t1 = this.viewEnd, scale = width / (t1 - t0);
    const X = t => (t - t0) * scale;
    ctx.fillStyle = "#16181d";
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
      ctx.fillStyle = "#1d2027";
      ctx.fillRect(0, y0, width, TL_LANE_HEADER - 2);
      ctx.fillStyle = "#8b919c";
      ctx.fillText("thread " + lane.thread.name + " · " + formatTime(lane.thread.total), 6, y0 + TL_LANE_HEADER / 2 - 1);
      for (let d = 0; d < lane.depth; d++) {
        const y = y0 + TL_LANE_HEADER + d * TL_ROW;
        if (y + TL_ROW < this.lanesTop || y > height) continue;
        const runs = lane.runs[d];
        if (!runs) break;
        let i = lowerBound(runs.end.length, j => runs.end[j], t0);
        let lastPx = -1;
        for (; i < runs.start.length && runs.start[i] < t1; i++) {
          const x0 = Math.max(X(runs.start[i]), -1), x1 = Math.min(X(runs.end[i]), width + 1);
          const frame = p.stackFrame[runs.stack[i]];
          if (x1 - x0 < 1) {
            const px = Math.floor(x0);
            if (px <= lastPx) continue;
            lastPx = px;
            ctx.fillStyle = this.colour(frame, match && !match(frame));
            ctx.fillRect(px, y, 1, TL_ROW - 1);
            continue;
          }
          const matched = match && match(frame);
          ctx.fillStyle = matched ? "#c9a227" : this.colour(frame, match && !matched);
          ctx.fillRect(x0, y, x1 - x0 - 0.5, TL_ROW - 1);
          lastPx = Math.floor(x1);
          if (x1 - x0 > 24) {
            const label = fitText(ctx, p.frames[frame].name, x1 - x0 - 6);
            if (label) {
              ctx.fillStyle = matched ? "#111" : "#e8eaed";
              ctx.fillText(label, Math.max(x0, 0) + 3, y + TL_ROW / 2);
            }
          }
        }
      }
    }
    // axis and span strips stay on top while the lanes scroll under them
    ctx.fillStyle = "#16181d";
    ctx.fillRect(0, 0, width, this.lanesTop);
    this.drawAxis(ctx, X, width);
    let y = TL_AXIS;
    if (this.stages.length) {
      this.drawBand(ctx, this.stages, y, X, width, true);
      y += TL_BAND;
    }
    if (this.hooks.length) this.drawBand(ctx, this.hooks, y, X, width, false);
    this.rangeLabel.textContent = formatTime(t0) + " – " + formatTime(t1) + " (" + formatTime(t1 - t0) + " shown)";
  }

  drawAxis(ctx, X, width) {
    const span = this.viewEnd - this.viewStart;
    const rough = span / Math.max(1, width / 110);
    const pow = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 5, 10].map(m => m * pow).find(s => s >= rough);
    ctx.strokeStyle = "#2f343e";
    ctx.fillStyle = "#8b919c";
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
