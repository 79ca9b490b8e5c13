// The dispatcher's page: the dispatch board is the console's next part.
import { t } from "../i18n.js";
import { note } from "../parts.js";

export async function dispatchPage(main) {
  main.append(note(t("dispatch.coming")));
}
