"""The usage page's numbers: questions per day, by topic, by channel, share answered, estimate totals."""

from collections import Counter, OrderedDict
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Optional

from bot.console import store
from bot.console.queue import TIMEZONE

TOPIC_LABELS = OrderedDict(
    [
        ("eligibility", "申报资格"),
        ("catalog", "领域目录"),
        ("subsidy", "奖补标准（未定条款）"),
        ("rules", "政策规则"),
        ("estimate", "奖励测算"),
        ("prescreen", "申报预审"),
        (None, "其他（问候、闲聊等）"),
    ]
)
CHANNEL_LABELS = {"web": "网页", "wechat": "微信", "rest": "REST接口"}
# estimate totals, in yuan: the bounds of the buckets shown on the page (not policy figures)
TOTAL_BOUNDS = [Decimal(100000), Decimal(500000), Decimal(1000000)]
_WAN = Decimal(10000)


def _wan(amount: Decimal) -> str:
    return f"{(amount / _WAN).normalize():f}万元"


def bucket_labels() -> list:
    """「10万元以下」, 「10万–50万元」 … 「100万元及以上」 from TOTAL_BOUNDS."""
    labels = [_wan(TOTAL_BOUNDS[0]) + "以下"]
    labels += [f"{_wan(low)[:-1]}–{_wan(high)}" for low, high in zip(TOTAL_BOUNDS, TOTAL_BOUNDS[1:])]
    return labels + [_wan(TOTAL_BOUNDS[-1]) + "及以上"]


def _clause_label(code: str) -> str:
    from knowledge.sources import load_cached

    for clause in load_cached("clauses"):
        if str(clause["code"]) == code:
            return f"奖补：{clause['label']} {clause['title']}"
    return f"奖补：{code}"


def topic_label(topic: Optional[str]) -> str:
    if topic and topic.startswith("subsidy:"):
        return _clause_label(topic.split(":", 1)[1])
    return TOPIC_LABELS.get(topic, topic or TOPIC_LABELS[None])


def _bucket(total: Decimal) -> str:
    labels = bucket_labels()
    for bound, label in zip(TOTAL_BOUNDS, labels):
        if total < bound:
            return label
    return labels[-1]


def summary(days: int = 30, today: Optional[date] = None) -> dict:
    """Everything the usage page shows, for the last ``days`` days (today included)."""
    today = today or datetime.now(TIMEZONE).date()
    first = today - timedelta(days=days - 1)
    turns = store.turns_since(first.isoformat())
    per_day = OrderedDict(((first + timedelta(days=i)).isoformat(), 0) for i in range(days))
    topics: Counter = Counter()
    channels: Counter = Counter()
    answered = 0
    totals = []
    for turn in turns:
        if turn["day"] in per_day:
            per_day[turn["day"]] += 1
        topics[topic_label(turn["topic"])] += 1
        channels[CHANNEL_LABELS.get(turn["channel"], turn["channel"])] += 1
        answered += turn["answered"]
        if turn["estimate_total"] is not None:
            totals.append(Decimal(turn["estimate_total"]))
    buckets = OrderedDict((label, 0) for label in bucket_labels())
    for total in totals:
        buckets[_bucket(total)] += 1
    feedback = store.feedback_since(first.isoformat())
    return {
        "days": days,
        "first_day": first.isoformat(),
        "questions": len(turns),
        "per_day": [[d, n] for d, n in per_day.items()],
        "topics": topics.most_common(),
        "channels": channels.most_common(),
        "answered": answered,
        "answered_share": round(answered * 100 / len(turns), 1) if turns else 0.0,
        "estimates": len(totals),
        "estimate_sum": f"{sum(totals, Decimal(0)):,.2f}",
        "estimate_buckets": list(buckets.items()),
        "thumbs_up": feedback.get("up", 0),
        "thumbs_down": feedback.get("down", 0),
    }
