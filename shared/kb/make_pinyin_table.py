#!/usr/bin/env python3
"""Generates the help search's pinyin table (kb/pinyin_table.h) at build time
from librime's dictionary (Debian's rime-data-pinyin-simp,
pinyin_simp.dict.yaml; lines `TEXT<TAB>syllables<TAB>weight` after `...`).

Only what reading by longest match needs, so the table stays small:
- every character of U+4E00-U+9FFF by its highest-weight reading (none: 0);
- the phrases of 2-4 characters (each by its highest-weight reading) that
  longest match over the shorter phrases kept and the characters' readings
  would read otherwise: 银行 (yin hang, not yin xing) is kept, 空调 (kong tiao,
  as its characters read) is not.
Usage: make_pinyin_table.py DICT_YAML OUT_CPP"""
import os
import sys

FIRST_HAN, LAST_HAN = 0x4E00, 0x9FFF
MAX_PHRASE = 4


def read_dictionary(path):
    """{text: (syllables, weight)} of single characters and of phrases, each by its highest weight."""
    chars, phrases = {}, {}
    in_body = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line == "...":
                in_body = True
                continue
            if not in_body or not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 2:
                continue
            text, syllables = fields[0], fields[1].split()
            weight = int(fields[2]) if len(fields) > 2 and fields[2].strip() else 0
            if len(syllables) != len(text) or not all(FIRST_HAN <= ord(c) <= LAST_HAN for c in text):
                continue
            table = chars if len(text) == 1 else phrases if len(text) <= MAX_PHRASE else None
            if table is not None and (text not in table or weight > table[text][1]):
                table[text] = (syllables, weight)
    return {c: s[0] for c, (s, _) in chars.items()}, {t: s for t, (s, _) in phrases.items()}


def read_by_longest_match(text, char_reading, kept):
    out, i = [], 0
    while i < len(text):
        for length in range(min(MAX_PHRASE, len(text) - i), 1, -1):
            phrase = kept.get(text[i : i + length])
            if phrase:
                out += phrase
                i += length
                break
        else:
            out.append(char_reading.get(text[i], ""))
            i += 1
    return out


def needed_phrases(char_reading, phrases):
    """The phrases longest match needs, shortest first (a phrase only holds shorter ones)."""
    kept = {}
    for text in sorted(phrases, key=lambda t: (len(t), t)):
        if read_by_longest_match(text, char_reading, kept) != phrases[text]:
            kept[text] = phrases[text]
    return kept


def main():
    dict_path, out_path = sys.argv[1], sys.argv[2]
    char_reading, phrases = read_dictionary(dict_path)
    kept = needed_phrases(char_reading, phrases)
    syllables = sorted(set(char_reading.values()) | {s for p in kept.values() for s in p})
    syllable_id = {s: i + 1 for i, s in enumerate(syllables)}  # 0: no reading

    lines = [
        "// Generated at build time by shared/kb/make_pinyin_table.py from",
        f"// {dict_path}: do not edit.",
        '#include "kb/pinyin_table.h"',
        "",
        "namespace kiosk::pinyin_table {",
        "",
        f"const std::size_t kSyllableCount = {len(syllables) + 1};",
        "const char* const kSyllables[] = {",
    ]
    lines += ['  "",'] + [f'  "{s}",' for s in syllables] + ["};", ""]
    lines.append("const std::uint16_t kCharSyllable[kHanCount] = {")
    readings = [syllable_id.get(char_reading.get(chr(c), ""), 0) for c in range(FIRST_HAN, LAST_HAN + 1)]
    for row in range(0, len(readings), 24):
        lines.append("  " + ", ".join(str(r) for r in readings[row : row + 24]) + ",")
    lines += ["};", ""]
    lines.append(f"const std::size_t kPhraseCount = {len(kept)};")
    lines.append("const Phrase kPhrases[] = {  // by characters, for a binary search")
    for text in sorted(kept):
        chars = [ord(c) for c in text] + [0] * (MAX_PHRASE - len(text))
        ids = [syllable_id[s] for s in kept[text]] + [0] * (MAX_PHRASE - len(text))
        lines.append(
            "  {{" + ", ".join(f"0x{c:x}" for c in chars) + "}, {" + ", ".join(map(str, ids)) + "}},  // " + text
        )
    lines += ["};", "", "}  // namespace kiosk::pinyin_table", ""]
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
