class BuildView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "build");
  }

  render() {
    clear(this.root).appendChild(el("p", "empty", "Not yet."));
  }
}
