// HQ's product catalogue as the pages read it: the names of a request's
// product and problem in the console's language (the code where HQ has no
// catalogue, or no longer lists it), and the products in catalogue order.
import { api } from "./api.js";
import { currentLanguage } from "./i18n.js";

export async function productNames() {
  const { products } = await api("/catalog/products");
  const names = new Map();
  const language = currentLanguage();
  for (const product of products) {
    names.set(`product:${product.code}`, product[language]);
    for (const problem of product.problems) names.set(`problem:${problem.code}`, problem[language]);
  }
  return {
    list: products,
    product: (code) => names.get(`product:${code}`) || code,
    problem: (code) => names.get(`problem:${code}`) || code,
  };
}
