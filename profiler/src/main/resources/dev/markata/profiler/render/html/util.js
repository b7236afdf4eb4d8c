// Shared helpers: DOM building (text only, never HTML), formatting, settings storage.

/** Creates an element; `text` is inserted as text, so names from the profile can never become markup. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** "1.234 s", "12.3 ms", "850 µs": seconds with as many digits as the magnitude deserves. */
function formatTime(nanos) {
  const s = nanos / 1e9;
  if (s >= 100) return s.toFixed(0) + " s";
  if (s >= 10) return s.toFixed(1) + " s";
  if (s >= 1) return s.toFixed(2) + " s";
  const ms = nanos / 1e6;
  if (ms >= 100) return ms.toFixed(0) + " ms";
  if (ms >= 10) return ms.toFixed(1) + " ms";
  if (ms >= 1) return ms.toFixed(2) + " ms";
  return (nanos / 1e3).toFixed(0) + " µs";
}

/** Seconds with three decimals, pyinstrument's tree style. */
function formatSeconds(nanos) {
  return (nanos / 1e9).toFixed(3);
}

/**
 * A tree row's time, in the unit its tree's largest time calls for, as the text report's
 * (TextRenderer.Scale): pyinstrument's bare seconds from a second up, else milliseconds with
 * the unit on the row. A 5 ms program's tree was all 0.000 and 0.001.
 */
function formatTreeTime(nanos, largest) {
  return largest >= 1e9 ? formatSeconds(nanos) : (nanos / 1e6).toFixed(1) + " ms";
}

/** "+20.0 ms +25.0%", "−1.20 s −50.0%", "±0", "+5.00 ms new" (nothing before): a change of time. */
function formatChange(before, after) {
  const diff = after - before;
  if (diff === 0) return "±0";
  const sign = diff > 0 ? "+" : "−";
  const pct = before > 0 ? " " + sign + (100 * Math.abs(diff) / before).toFixed(1) + "%" : after > 0 ? " new" : "";
  return sign + formatTime(Math.abs(diff)) + pct;
}

function formatPercent(part, whole) {
  if (!(whole > 0)) return "0.0%";
  const p = 100 * part / whole;
  return (p >= 10 ? p.toFixed(1) : p.toFixed(2)) + "%";
}

function formatCount(n) {
  return Math.round(n).toLocaleString("en-US");
}

/** pyinstrument's colour by share of total: red above 60%, amber above 30%, green above 20%, dim below. */
function shareClass(part, whole) {
  const r = whole > 0 ? part / whole : 0;
  if (r >= 0.6) return "share-hot";
  if (r >= 0.3) return "share-warm";
  if (r >= 0.2) return "share-mild";
  if (r >= 0.01) return "share-low";
  return "share-tiny";
}

/**
 * The rules the Java reports name libraries by (Libraries.rules), which the page's options carry,
 * so that the page and the text report name a hidden frame's library alike; set before the
 * profile is read. Every page HtmlRenderer writes has them: no copy of them here to drift.
 */
let libraryRules = { jdkPrefixes: [], domains: new Set(), organisations: new Set() };

function useLibraryRules(rules) {
  if (rules) libraryRules = { jdkPrefixes: rules.jdkPrefixes, domains: new Set(rules.domains), organisations: new Set(rules.organisations) };
}

/**
 * The rules the Java reports leave frames out by (FrameFilters.rules), which the page's options
 * carry as they carry the library rules: the profiler's own frames, the JDK's lambda and
 * reflection plumbing, and where a handed-over task begins. No copy of them here to drift.
 */
let frameRules = { profilerPrefixes: [], profilerClasses: [], plumbingPrefixes: [], plumbingContains: [], taskEntryPrefix: null,
  blockingClasses: new Set(), blockingMethods: new Set() };

function useFrameRules(rules) {
  if (rules) frameRules = Object.assign({}, rules, { blockingClasses: new Set(rules.blockingClasses), blockingMethods: new Set(rules.blockingMethods) });
}

/** A call a thread sits in while it parks, waits, sleeps or joins (FrameFilters.isBlockingCall). */
function isBlockingCall(cls, method) {
  return frameRules.blockingClasses.has(cls) && frameRules.blockingMethods.has(method);
}

/** The profiler's own code, on a stack only because the program is profiled (FrameFilters.isProfilerOwn). */
function isProfilerOwnClass(cls) {
  return frameRules.profilerPrefixes.some(prefix => cls.startsWith(prefix))
    || frameRules.profilerClasses.some(c => cls.startsWith(c) && (cls.length === c.length || cls[c.length] === "$"));
}

/** The JDK's reflection, method-handle and lambda plumbing (FrameFilters.isJdkPlumbing). */
function isJdkPlumbingClass(cls) {
  return frameRules.plumbingPrefixes.some(prefix => cls.startsWith(prefix)) || frameRules.plumbingContains.some(part => cls.includes(part));
}

/** The profiler's task wrapper, where a handed-over task begins on its worker (FrameFilters.isTaskEntry). */
function isTaskEntryClass(cls) {
  return !!frameRules.taskEntryPrefix && cls.startsWith(frameRules.taskEntryPrefix);
}

/**
 * The short library name a frame's class belongs to, for "N frames hidden (jdk, jinjava)", as
 * Libraries.nameOf says it: the JDK's packages are "jdk"; otherwise the first package segment
 * after a domain-like prefix and an organisation (org.commonmark.parser -> commonmark,
 * com.hubspot.jinjava.lib -> jinjava).
 */
function libraryName(className) {
  if (libraryRules.jdkPrefixes.some(prefix => className.startsWith(prefix))) return "jdk";
  const parts = className.split(".");
  parts.pop(); // the class itself
  if (parts.length === 0) return "(default package)";
  let i = 0;
  if (parts.length > 1 && libraryRules.domains.has(parts[0])) i = 1;
  if (i < parts.length - 1 && libraryRules.organisations.has(parts[i])) i++;
  return parts[i];
}

/** Settings that outlive the page, in localStorage; a browser that refuses storage just forgets. */
const Settings = {
  key: "markata-profile-report",
  load() {
    try {
      return JSON.parse(window.localStorage.getItem(this.key) || "{}") || {};
    } catch (e) {
      return {};
    }
  },
  save(values) {
    try {
      window.localStorage.setItem(this.key, JSON.stringify(values));
    } catch (e) {
      // storage disabled (private mode, file:// policy): settings last for this visit only
    }
  }
};

/** Binary search: first index i in [0, n) with key(i) >= value, keys ascending. */
function lowerBound(n, key, value) {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(mid) < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** A stable colour per library or class, for the timeline and flame graph. */
function hashHue(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 360;
}

/** The page's colours (report.css, light or dark as the system asks), for what is drawn on canvases. */
function themeColours() {
  const style = getComputedStyle(document.documentElement);
  const get = name => style.getPropertyValue(name).trim();
  return { bg: get("--bg"), panel: get("--panel"), line: get("--line"), dim: get("--dim"), text: get("--text") };
}

/**
 * Shows a tooltip beside the point (x, y) of the window: below and right of it, or above (left)
 * where the window has no room, never pushed back over the point, which is what it tells of (a
 * flame graph's box at the window's bottom was hidden under its own keyboard tooltip).
 */
function placeTooltip(tooltip, x, y) {
  tooltip.hidden = false;
  const w = tooltip.offsetWidth, h = tooltip.offsetHeight, gap = 14, edge = 8;
  const right = x + gap + w <= window.innerWidth - edge;
  const below = y + gap + h <= window.innerHeight - edge;
  tooltip.style.left = Math.max(edge, right ? x + gap : Math.min(x - gap - w, window.innerWidth - w - edge)) + "px";
  tooltip.style.top = Math.max(edge, below ? y + gap : y - gap - h) + "px";
}

/** A canvas sized for the device's pixel ratio, so text stays sharp. */
function sizeCanvas(canvas, width, height) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  canvas.style.width = width + "px";
  canvas.style.height = height + "px";
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

/** Text cut to fit `width` pixels at the canvas's current font, with an ellipsis. */
function fitText(ctx, text, width) {
  if (width < 12) return "";
  if (ctx.measureText(text).width <= width) return text;
  const perChar = ctx.measureText("m").width;
  let n = Math.floor(width / perChar) - 1;
  if (n < 1) return "";
  return text.slice(0, n) + "…";
}
