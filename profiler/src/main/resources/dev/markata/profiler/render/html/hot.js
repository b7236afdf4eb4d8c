class HotView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "hot");
  }

  render() {
    clear(this.root).appendChild(el("p", "empty", "Not yet."));
  }
}
