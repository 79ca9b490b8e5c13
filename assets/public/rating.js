// The rating of a finished visit or job, one form for every phone page
// (docs/public-pages.md): the kiosk's five faces (its colours and shapes, drawn
// as SVG), the chosen face's word, the reasons as chips, a comment where the
// page wants one, one send with its busy, refused, slowed-down (429) and thanks
// states. The page gives its two boxes (the form's card and the thanks), the
// title, where and what to POST (`post`), the words for a refusal and what to
// do once rated. The buttons are made once (again only when HQ offers other
// reasons) and then updated in place: a page's poll never replaces a button
// being tapped (a tap on a replaced one is lost). Texts: rating.i18n.json.
// Hooks for tests: #faces button[data-score=N], #reasons button[data-reason=R],
// #score-word, #comment, button#send.send-rating, the refusal as .rating
// .notice, body[data-rated].
import { countDown, element, retryAfter, t } from "/p/common.js";

const FACE_COLOURS = ["#d64545", "#e8803a", "#e6c229", "#8bc34a", "#2fa65a"]; // kiosk/kit/shapes.cpp
const INK = "#1a1a1f";
const SVG = "http://www.w3.org/2000/svg";

// A face as the kiosk draws it: a coloured disc, two eyes, a mouth from frown (1) to smile (5).
function faceDrawing(score) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "-50 -50 100 100");
  svg.setAttribute("aria-hidden", "true");
  const shape = (tag, attributes) => {
    const made = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
    svg.append(made);
  };
  shape("circle", { r: 46, fill: FACE_COLOURS[score - 1], stroke: INK, "stroke-width": 3 });
  shape("circle", { cx: -16, cy: -10, r: 5, fill: INK });
  shape("circle", { cx: 16, cy: -10, r: 5, fill: INK });
  const curve = (score - 3) / 2; // -1 frown .. +1 smile
  const y = 16 - 4.5 * curve;
  shape("path", { d: `M -19 ${y} Q 0 ${y + 25 * curve} 19 ${y}`, fill: "none", stroke: INK, "stroke-width": 4.5,
                  "stroke-linecap": "round" });
  return svg;
}

function button(className, onClick) {
  const made = element("button", className);
  made.type = "button";
  made.addEventListener("click", onClick);
  return made;
}

export class RatingForm {
  // card, thanks: the page's (empty) boxes. options: title and already (text
  // keys: the card's heading, the thanks for a visit rated before), comment
  // (offer a comment box), post({score, reasons, comment}) -> callHq's answer,
  // refused(answer) -> the words for a refusal (an error code's, the page's
  // "not sent"; "" when the page takes it over), rated() once HQ holds a rating.
  constructor(card, thanks, options) {
    Object.assign(this, { card, thanks, options });
    this.offer = { open: false, given: false, reasons: [] }; // what HQ said, from show()
    this.built = null; // the reasons the buttons were made for
    this.ticking = null; // the countdown of a 429's wait
    this.waitUntil = 0; // Date.now() until which sending is off (429)
    this.reset();
  }

  // A fresh choice: no face, no reasons, no comment, nothing sent.
  reset() {
    Object.assign(this, { score: 0, reasons: new Set(), busy: false, refusal: "", done: "" });
    if (this.comment) this.comment.value = "";
    if (this.card) this.update();
  }

  // rated: HQ holds a rating (this form's, "thanks" or "already", or one HQ told of).
  get rated() {
    return this.done !== "" || this.offer.given;
  }

  // What HQ says: offered (open), rated already (given, from any device), the reasons to offer.
  show(offer) {
    this.offer = offer;
    this.update();
  }

  hide() {
    this.show({ open: false, given: false, reasons: this.offer.reasons });
  }

  update() {
    document.body.dataset.rated = this.rated ? "1" : "0";
    this.thanks.hidden = !this.rated;
    this.card.hidden = this.rated || !this.offer.open;
    if (this.rated) this.drawThanks();
    if (!this.card.hidden) this.drawForm();
  }

  drawThanks() {
    const title = this.done === "thanks" ? t("rate.thanks") : t(this.options.already);
    if (!this.thanks.firstChild) this.thanks.append(element("p", "title"), element("p", "muted"));
    this.thanks.firstChild.textContent = title;
    this.thanks.lastChild.textContent = t("rate.thanks_sub");
  }

  build() {
    this.built = this.offer.reasons.join(" ");
    this.title = element("h2");
    this.faces = element("div", "faces");
    this.faces.id = "faces";
    this.faces.setAttribute("role", "radiogroup");
    for (let score = 1; score <= 5; score++) {
      const face = button("face", () => this.choose(score));
      face.dataset.score = String(score);
      face.setAttribute("role", "radio");
      face.append(faceDrawing(score));
      this.faces.append(face);
    }
    this.word = element("p", "score-word");
    this.word.id = "score-word";
    this.word.setAttribute("aria-live", "polite");
    this.reasonsLabel = element("p", "muted reasons-label");
    this.chips = element("div", "chips");
    this.chips.id = "reasons";
    for (const reason of this.offer.reasons) {
      const chip = button("chip", () => this.toggle(reason));
      chip.dataset.reason = reason;
      this.chips.append(chip);
    }
    const parts = [this.title, this.faces, this.word, this.reasonsLabel, this.chips];
    if (this.options.comment) {
      this.commentLabel = element("label", "comment-label");
      this.commentLabel.htmlFor = "comment";
      this.comment = element("textarea");
      Object.assign(this.comment, { id: "comment", rows: 3, maxLength: 200 });
      parts.push(this.commentLabel, this.comment);
    }
    this.notice = element("p", "notice bad");
    this.notice.setAttribute("role", "alert");
    this.send = button("primary send-rating", () => this.sendRating());
    this.send.id = "send";
    this.card.replaceChildren(...parts, this.notice, this.send);
  }

  drawForm() {
    if (this.built !== this.offer.reasons.join(" ")) this.build();
    this.title.textContent = t(this.options.title);
    for (const face of this.faces.children) {
      const score = Number(face.dataset.score);
      face.setAttribute("aria-checked", String(score === this.score));
      face.setAttribute("aria-label", t(`rate.score_${score}`));
      face.classList.toggle("faded", this.score !== 0 && score !== this.score);
    }
    this.word.textContent = this.score ? t(`rate.score_${this.score}`) : t("rate.pick_score");
    this.word.classList.toggle("hint", !this.score);
    this.reasonsLabel.textContent = t("rate.reasons");
    for (const chip of this.chips.children) {
      chip.textContent = t(`reason.${chip.dataset.reason}`);
      chip.setAttribute("aria-pressed", String(this.reasons.has(chip.dataset.reason)));
    }
    if (this.commentLabel) this.commentLabel.textContent = t("rating.comment");
    const waiting = this.waitUntil > Date.now();
    const refusal = waiting ? t("common.slowed_down", { seconds: Math.ceil((this.waitUntil - Date.now()) / 1000) })
      : this.refusal;
    this.notice.hidden = !refusal;
    this.notice.textContent = refusal;
    this.send.disabled = this.busy || waiting;
    this.send.textContent = t(this.busy ? "rate.sending" : "rate.submit");
  }

  choose(score) {
    this.score = score;
    this.refusal = "";
    this.update();
  }

  toggle(reason) {
    if (!this.reasons.delete(reason)) this.reasons.add(reason);
    this.update();
  }

  async sendRating() {
    if (this.busy || this.waitUntil > Date.now()) return;
    if (!this.score) {
      this.refusal = t("rate.pick_score");
      return this.update();
    }
    this.busy = true;
    this.refusal = "";
    this.update();
    const comment = this.comment ? this.comment.value.trim() : "";
    const answer = await this.options.post({ score: this.score, reasons: [...this.reasons], comment });
    this.busy = false;
    const code = answer.body?.error?.code ?? "";
    if (answer.status === 200 || code === "already-rated") {
      this.done = answer.status === 200 ? "thanks" : "already";
      this.update();
      return this.options.rated();
    }
    if (answer.status === 429) {
      this.waitUntil = Date.now() + retryAfter(answer) * 1000;
      this.ticking = countDown(this.ticking, this.waitUntil, () => this.update());
      return;
    }
    if (answer.status === 0) this.refusal = t("common.offline");
    else this.refusal = this.options.refused(answer);
    this.update();
  }
}
