// A table of figures with its CSV export (UTF-8 with a BOM, so Excel reads
// Chinese; a cell starting with = + - @ is quoted so no spreadsheet runs it).
import { t } from "./i18n.js";

// columns: [{key, title, format?, numeric?, cellClass?, element?}] (numbers are
// right-aligned; `cellClass(row)` adds a class to a cell; a column with
// `element(row)` holds a control and is left out of the CSV); rows: objects.
// `csvName` null: a list, without the export.
export function figureTable(columns, rows, { csvName = "table", footer = null } = {}) {
  const wrapper = document.createElement("div");
  wrapper.className = "table-box";
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const cell = document.createElement("th");
    cell.textContent = column.title;
    if (column.numeric) cell.className = "number";
    head.append(cell);
  }
  const body = table.createTBody();
  const all = footer ? [...rows, footer] : rows;
  all.forEach((row, index) => {
    const line = body.insertRow();
    if (footer && index === all.length - 1) line.className = "total";
    for (const column of columns) {
      const cell = line.insertCell();
      if (column.element) {
        if (row !== footer) cell.append(column.element(row));
        continue;
      }
      const value = row[column.key];
      cell.textContent = column.format ? column.format(value, row) : value ?? "–";
      if (column.numeric) cell.className = "number";
      if (column.cellClass) cell.classList.add(...[column.cellClass(row)].filter(Boolean));
    }
  });
  wrapper.append(table);
  if (csvName === null) return wrapper;
  const csv = document.createElement("button");
  csv.type = "button";
  csv.className = "secondary";
  csv.textContent = t("table.csv");
  csv.addEventListener("click", () => download(`${csvName}.csv`, toCsv(columns, all)));
  wrapper.append(csv);
  return wrapper;
}

function csvCell(text) {
  let cell = String(text ?? "");
  if (/^[=+\-@]/.test(cell)) cell = `'${cell}`;
  return /[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function toCsv(allColumns, rows) {
  const columns = allColumns.filter((c) => !c.element);
  const lines = [columns.map((c) => csvCell(c.title)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.format ? c.format(row[c.key], row) : row[c.key])).join(","));
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

function download(name, text) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
