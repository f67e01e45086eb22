"""How a conversation case (tests/e2e/*.yaml, shared/eval's format) is played and checked.

A case: `say` (first message); checks `all` (groups of alternatives, each group must appear),
`none` (substrings that must not appear; a number is a yuan figure in any writing), `amount` (a yuan figure, written in 元/万元/亿元,
tolerance 0.01 %), `graceful` (a polite decline), `regex`; multi-turn by `sim` rules (answer
when the bot's last reply matches), `facts` (fallback answer), or fixed `turns`.
Every case is answered 「是的」 when the bot asks to confirm.
"""

import re

NUM = re.compile(r"(\d[\d,，]*(?:\.\d+)?)\s*(亿元|亿|万元|万|元)")
CONFIRM = re.compile(r"确认|对吗|对不对|是否正确|核对|无误")
GRACEFUL = [
    "抱歉",
    "不好意思",
    "无法",
    "不能",
    "超出",
    "范围",
    "暂不",
    "没有找到",
    "不清楚",
    "只能",
    "仅能",
    "不在",
    "没理解",
    "没有理解",
    "不太明白",
    "换个说法",
    "不涉及",
    "未涉及",
    "专注",
]


def amounts(text: str) -> list:
    """Every yuan figure written in the text, in yuan."""
    out = []
    for m in NUM.finditer(text):
        v = float(m.group(1).replace(",", "").replace("，", ""))
        out.append(v * (1e8 if m.group(2).startswith("亿") else 1e4 if m.group(2).startswith("万") else 1))
    return out


def problems(text: str, case: dict) -> list:
    """What the replies lack (or must not have) for the case to pass; [] when it passes."""
    why = []
    low = text.lower()
    for group in case.get("all", []):
        if not any(str(alt).lower() in low for alt in group):
            why.append("missing " + "/".join(map(str, group)))
    for bad in case.get("none", []):
        if isinstance(bad, (int, float)) and not isinstance(bad, bool):  # a yuan figure, in any of its writings
            if any(abs(v - float(bad)) <= max(1.0, float(bad) * 1e-4) for v in amounts(text)):
                why.append(f"has figure {bad}")
        elif str(bad).lower() in low:
            why.append(f"has {bad}")
    if "amount" in case:
        expected = float(case["amount"])
        if not any(abs(v - expected) <= max(1.0, expected * 1e-4) for v in amounts(text)):
            why.append(f"amount {expected:.2f} not in {sorted(set(amounts(text)))[:8]}")
    if case.get("graceful") and not any(g in text for g in GRACEFUL):
        why.append("not a graceful decline")
    for pat in case.get("regex", []):
        if not re.search(pat, text):
            why.append(f"no /{pat}/")
    if not text.strip():
        why.append("no reply")
    return why


def play(say, case: dict) -> tuple:
    """Play a case with `say(text) -> reply`; (problems, transcript)."""
    reply = say(case["say"])
    transcript = [("U", case["say"]), ("B", reply)]
    everything = reply
    for turn in case.get("turns", []) or []:
        reply = say(turn)
        transcript += [("U", turn), ("B", reply)]
        everything += "\n" + reply
    sim = [(r["when"], r["answer"]) for r in case.get("sim", []) or []] + [(CONFIRM.pattern, "是的")]
    used = {}
    for _ in range(case.get("max_turns", 8)):
        if not problems(everything, case):
            break
        answer = next((a for w, a in sim if re.search(w, reply) and used.get(a, 0) < 2), None)
        if answer is None and case.get("facts") and used.get(case["facts"], 0) < 2:
            answer = case["facts"]
        if answer is None:
            break
        used[answer] = used.get(answer, 0) + 1
        reply = say(answer)
        transcript += [("U", answer), ("B", reply)]
        everything += "\n" + reply
    return problems(everything, case), transcript
