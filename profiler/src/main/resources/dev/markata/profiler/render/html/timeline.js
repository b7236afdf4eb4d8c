class TimelineView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "timeline");
  }

  render() {
    clear(this.root).appendChild(el("p", "empty", "Not yet."));
  }
}
