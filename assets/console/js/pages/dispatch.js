// The dispatcher's page: the dispatch board is the console's next part.
import { t } from "../i18n.js";

export async function dispatchPage(main) {
  const text = document.createElement("p");
  text.className = "empty";
  text.textContent = t("dispatch.coming");
  main.append(text);
}
