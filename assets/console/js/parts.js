// The pieces every page is made of: its heading, a note when there is
// nothing to show, and a chart in its frame (Chart.js, no animation).
export function heading(text, level = "h2") {
  const element = document.createElement(level);
  element.textContent = text;
  return element;
}

export function note(text, className = "empty") {
  const element = document.createElement("p");
  element.className = className;
  element.textContent = text;
  return element;
}

// A chart of Chart.js `config` under `caption`.
export function chart(caption, config) {
  const box = document.createElement("figure");
  box.className = "chart";
  const canvas = document.createElement("canvas");
  box.append(heading(caption, "figcaption"), canvas);
  config.options = { animation: false, responsive: true, maintainAspectRatio: false, ...config.options };
  new Chart(canvas, config);
  return box;
}
