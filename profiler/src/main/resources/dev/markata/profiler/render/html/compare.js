class CompareView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "compare");
  }

  render() {
    clear(this.root).appendChild(el("p", "empty", "Not yet."));
  }
}
