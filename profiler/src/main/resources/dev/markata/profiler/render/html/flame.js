class FlameView {
  constructor(app) {
    this.app = app;
    this.root = el("div", "flame");
  }

  render() {
    clear(this.root).appendChild(el("p", "empty", "Not yet."));
  }
}
