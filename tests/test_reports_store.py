"""The pre-screening report store: reference numbers, round trips, privacy and concurrent writers."""

import logging
import multiprocessing
import os
import re
import sqlite3
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from bot.reports import store
from bot.reports.store import get_report, list_reports, save_report

SHANGHAI = store.TIMEZONE
NOW = datetime(2026, 11, 28, 10, 30, 0, tzinfo=SHANGHAI)
WRITERS = 20


def calculator_result(offshore_award=1057005.0):
    """A calculator output (shared/spec/calculator-contract.md) with one offshore award."""
    return {
        "eligibility": {"status": "eligible", "unmet": [], "missing": []},
        "items": [
            {
                "code": "3.2",
                "name": "离岸业务奖励",
                "clause": "第三条第（二）项",
                "qualified": True,
                "amount_cny": offshore_award,
                "capped": False,
                "explanation": "离岸执行额超过100万美元。",
            }
        ],
        "total_cny": offshore_award,
        "total_cny_max": offshore_award,
        "total_capped": False,
        "rates_used": {"2026": 7.0467},
        "notes": ["本结果为预估，最终以市商务局会同市财政局审核认定为准。"],
    }


VERDICT = {"status": "符合", "failing": [], "fixes": [], "unknown": []}
INPUTS = {"entity_type": "legal_person", "offshore_usd": 1500000, "year": 2026}


@pytest.fixture
def db_file(tmp_path, monkeypatch):
    """A fresh store in a temporary file."""
    path = tmp_path / "reports.db"
    monkeypatch.setenv("REPORTS_DB", str(path))
    monkeypatch.delenv("REPORTS_SALT", raising=False)
    return path


def save(conversation_id="wx-user-1", now=NOW, **overrides):
    """Save a standard report, with any argument overridden."""
    arguments = dict(applicant="enterprise", inputs=INPUTS, result=calculator_result(), verdict=VERDICT)
    arguments.update(overrides)
    return save_report(conversation_id, now=now, **arguments)


class TestDbPath:
    def test_default_is_var_under_project_root(self, monkeypatch):
        """Without REPORTS_DB the store is <project root>/var/reports.db."""
        monkeypatch.delenv("REPORTS_DB", raising=False)
        assert store.PROJECT_ROOT / "var" / "reports.db" == store.db_path()

    def test_env_overrides(self, db_file):
        """REPORTS_DB names the file."""
        assert db_file == store.db_path()


class TestSchema:
    def test_wal_mode(self, db_file):
        """The store runs in WAL mode so readers never block the writer."""
        save()
        connection = sqlite3.connect(str(db_file))
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
        connection.close()
        assert "wal" == mode


class TestSaveReport:
    def test_round_trip(self, db_file):
        """What is saved comes back unchanged, with its reference number and local time."""
        ref = save()
        expected = {
            "ref": ref,
            "created_at": "2026-11-28T10:30:00+08:00",
            "applicant": "enterprise",
            "inputs": INPUTS,
            "result": calculator_result(),
            "verdict": VERDICT,
        }
        assert expected == get_report(ref)

    def test_ref_format(self, db_file):
        """The first report of the day is YS-YYYYMMDD-0001."""
        ref = save()
        assert "YS-20261128-0001" == ref
        assert re.fullmatch(r"YS-\d{8}-\d{4}", ref)

    def test_sequence_counts_up_within_a_day(self, db_file):
        """Reports of one day are numbered 0001, 0002, 0003."""
        refs = [save(now=NOW.replace(hour=h)) for h in (9, 12, 18)]
        assert ["YS-20261128-0001", "YS-20261128-0002", "YS-20261128-0003"] == refs

    def test_sequence_resets_next_day(self, db_file):
        """A new day starts again at 0001."""
        save()
        save()
        assert "YS-20261129-0001" == save(now=datetime(2026, 11, 29, 0, 0, 1, tzinfo=SHANGHAI))

    def test_day_is_shanghai_local(self, db_file):
        """17:30 UTC is already the next day in Zhengzhou."""
        ref = save(now=datetime(2026, 11, 28, 17, 30, tzinfo=timezone.utc))
        assert "YS-20261129-0001" == ref
        assert "2026-11-29T01:30:00+08:00" == get_report(ref)["created_at"]

    def test_naive_time_is_taken_as_shanghai(self, db_file):
        """A naive ``now`` is Shanghai time."""
        ref = save(now=datetime(2026, 11, 28, 23, 59, 59))
        assert "2026-11-28T23:59:59+08:00" == get_report(ref)["created_at"]

    def test_default_now_is_current_shanghai_day(self, db_file):
        """Without ``now`` the reference number carries today's Shanghai date."""
        ref = save(now=None)
        assert f"YS-{datetime.now(SHANGHAI):%Y%m%d}-0001" == ref

    def test_chinese_applicant_label_is_stored_as_code(self, db_file):
        """The applicant may be given by its Chinese label."""
        ref = save(applicant="园区管理和运营企业")
        assert "park_operator" == get_report(ref)["applicant"]

    def test_unknown_applicant_is_refused(self, db_file):
        """An applicant kind outside the three is an error."""
        with pytest.raises(ValueError):
            save(applicant="个人")

    def test_bad_verdict_status_is_refused(self, db_file):
        """A verdict must be 符合, 不符合 or 待确认."""
        with pytest.raises(ValueError):
            save(verdict={"status": "eligible"})

    def test_empty_conversation_id_is_refused(self, db_file):
        """Every report belongs to a conversation."""
        with pytest.raises(ValueError):
            save(conversation_id="")

    def test_decimal_amounts_are_stored_as_numbers(self, db_file):
        """Decimals from the importable calculator become JSON numbers."""
        ref = save(result=calculator_result(Decimal("1057005.50")))
        assert 1057005.5 == get_report(ref)["result"]["items"][0]["amount_cny"]

    def test_sender_id_is_not_stored(self, db_file):
        """Only a salted hash of the conversation id is kept, never the id itself."""
        save(conversation_id="oWx_raw_sender_4711")
        connection = sqlite3.connect(str(db_file))
        dump = "\n".join(connection.iterdump())
        connection.close()
        assert "oWx_raw_sender_4711" not in dump

    def test_logs_carry_no_amounts(self, db_file, caplog):
        """Saving logs the reference number but no money figure."""
        with caplog.at_level(logging.DEBUG, logger="bot.reports"):
            ref = save(result=calculator_result(1234567.0))
        logged = "\n".join(record.getMessage() for record in caplog.records)
        assert ref in logged
        assert [] == re.findall(r"1,?234,?567", logged)


class TestGetReport:
    def test_same_conversation_reads_it(self, db_file):
        """The conversation that made the report can read it."""
        ref = save(conversation_id="wx-user-1")
        assert ref == get_report(ref, conversation_id="wx-user-1")["ref"]

    def test_other_conversation_cannot_read_it(self, db_file):
        """Another conversation gets None, as for an unknown number."""
        ref = save(conversation_id="wx-user-1")
        assert None is get_report(ref, conversation_id="wx-user-2")

    def test_salt_from_environment_still_matches(self, db_file, monkeypatch):
        """With REPORTS_SALT set, the lookup by conversation still works."""
        monkeypatch.setenv("REPORTS_SALT", "a-secret-kept-outside-the-database")
        ref = save(conversation_id="wx-user-1")
        assert ref == get_report(ref, conversation_id="wx-user-1")["ref"]
        assert None is get_report(ref, conversation_id="wx-user-2")

    def test_unknown_ref(self, db_file):
        """An unknown reference number gives None."""
        save()
        assert None is get_report("YS-20261128-0099")

    def test_malformed_ref(self, db_file):
        """A malformed reference number gives None."""
        save()
        assert [None, None, None] == [get_report(r) for r in ("YS-2026-1", "20261128-0001", "YS-20261340-0001")]

    def test_ref_is_read_case_insensitively(self, db_file):
        """Surrounding spaces and lower case are forgiven."""
        ref = save()
        assert ref == get_report(f"  {ref.lower()} ")["ref"]

    def test_missing_store_is_not_created(self, db_file):
        """Reading a store that was never written finds nothing and creates no file."""
        assert (None, [], False) == (get_report("YS-20261128-0001"), list_reports(), db_file.exists())


class TestListReports:
    def test_newest_first_with_status(self, db_file):
        """Recent reports come newest first, with applicant kind and verdict status."""
        first = save(now=NOW.replace(hour=9))
        second = save(
            now=NOW.replace(hour=11),
            applicant="training_institution",
            verdict={"status": "待确认", "failing": [], "fixes": [], "unknown": ["产权清晰"]},
        )
        expected = [
            {
                "ref": second,
                "created_at": "2026-11-28T11:30:00+08:00",
                "applicant": "training_institution",
                "verdict_status": "待确认",
            },
            {
                "ref": first,
                "created_at": "2026-11-28T09:30:00+08:00",
                "applicant": "enterprise",
                "verdict_status": "符合",
            },
        ]
        assert expected == list_reports()

    def test_limit(self, db_file):
        """``limit`` bounds the list."""
        refs = [save(now=NOW.replace(minute=m)) for m in range(5)]
        assert refs[:-3:-1] == [r["ref"] for r in list_reports(limit=2)]

    def test_bad_limit(self, db_file):
        """A limit below 1 is an error."""
        with pytest.raises(ValueError):
            list_reports(limit=0)


def write_one(db_path, index, barrier, results):
    """One writer process: wait for all, then save a report whose payload names this writer."""
    os.environ["REPORTS_DB"] = db_path
    barrier.wait(timeout=60)
    ref = save_report(
        f"conversation-{index}",
        "enterprise",
        {"writer": index, "onshore_cny": 1000 * (index + 1)},
        calculator_result(float(10000 + index)),
        {"status": "符合", "failing": [], "fixes": [], "unknown": [f"writer-{index}"]},
        now=NOW,
    )
    results.put((index, ref))


class TestConcurrentWriters:
    def test_parallel_processes_get_distinct_refs(self, db_file):
        """20 writer processes started together get 20 distinct numbers, each with its own payload."""
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        barrier = context.Barrier(WRITERS)
        results = context.Queue()
        processes = [
            context.Process(target=write_one, args=(str(db_file), i, barrier, results)) for i in range(WRITERS)
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join(timeout=120)
        finished = sum(1 for p in processes if p.exitcode == 0)
        refs = dict(results.get(timeout=10) for _ in range(finished))

        assert [0] * WRITERS == [p.exitcode for p in processes]
        assert list(range(WRITERS)) == sorted(refs)
        expected_refs = {f"YS-20261128-{n:04d}" for n in range(1, WRITERS + 1)}
        assert expected_refs == set(refs.values())
        for index, ref in refs.items():
            report = get_report(ref, conversation_id=f"conversation-{index}")
            assert (index, float(10000 + index), [f"writer-{index}"]) == (
                report["inputs"]["writer"],
                report["result"]["total_cny"],
                report["verdict"]["unknown"],
            )
        assert WRITERS == len(list_reports(limit=100))


def open_store(db_path, barrier, errors):
    """One process opening a store that does not exist yet, at the same moment as the others."""
    os.environ["REPORTS_DB"] = db_path
    barrier.wait(timeout=60)
    try:
        store._connect().close()
    except sqlite3.OperationalError as error:
        errors.put(str(error))


class TestConcurrentCreation:
    ROUNDS = 20

    def test_new_store_opened_by_many_processes_at_once(self, tmp_path):
        """20 processes creating the same new store together all succeed, in every round, and leave it in WAL mode."""
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        failures = []
        for round_number in range(self.ROUNDS):
            path = tmp_path / f"round-{round_number}.db"
            barrier = context.Barrier(WRITERS)
            errors = context.Queue()
            processes = [context.Process(target=open_store, args=(str(path), barrier, errors)) for _ in range(WRITERS)]
            for process in processes:
                process.start()
            for process in processes:
                process.join(timeout=120)
            while not errors.empty():
                failures.append((round_number, errors.get()))
            assert [0] * WRITERS == [p.exitcode for p in processes]
            with sqlite3.connect(str(path)) as conn:
                assert ("wal",) == conn.execute("PRAGMA journal_mode").fetchone()
        assert [] == failures
