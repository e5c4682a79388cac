"""Claim check: a text agrees with a claim, disagrees (which slot differs), or is unrelated.

Headline pairs from ANS dev, calibration half, and ANS train (see tests/data/stance/README.md);
article sentences from the seeds."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from akhbar.arabic.lexicon import load_entries
from akhbar.arabic.stems import stem_keys
from akhbar.cli import app
from akhbar.eval.stance import score, split_half
from akhbar.eval.stance_train import TrainConfig, fit
from akhbar.ingest.pairs import read_pairs
from akhbar.story.stance import check_text, judge
from akhbar.story.stance_features import FEATURES, only_in, read_side

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
runner = CliRunner()

# (claim, text, stance, reason)
VERDICTS = [
    (
        "29 قتيلا في هجوم على استعراض عسكري إيراني في الأهواز وروحاني يتعهد برد ساحق",
        "53 قتيلا في هجوم على استعراض عسكري إيراني في الأهواز وروحاني يتعهد برد ساحق",
        "disagree",
        "number differs: 29 vs 53 (قتيلا)",
    ),
    (
        "إسرائيل تعلن أنه لا يوجد تغيير في قواعد الاشتباك عند حدود غزة",
        "إسرائيل تعلن تغيير كبير في قواعد الاشتباك عند حدود غزة",
        "disagree",
        "negation: only the claim says لا",
    ),
    (
        "النفط يهبط بفعل مخاوف من زيادة إنتاج أوبك",
        "النفط يرتفع بازدياد إنتاج أوبك",
        "disagree",
        "opposite words: يهبط / يرتفع",
    ),
    (
        "إيران والمغرب: علاقة متأرجحة على وقع الأوضاع الإقليمية",
        "إيران والعراق: علاقة متأرجحة على وقع الأوضاع الإقليمية",
        "disagree",
        "name differs: المغرب vs العراق",
    ),
    (
        "السيسي: لا دور للإخوان في مصر ما دمت موجودا في الحكم",
        "فرقة أوركسترا وطنية ودار للأوبرا في السعودية",
        "other",
        "unrelated: shares 0% of the claim's weight",
    ),
    (
        "جورج كلوني يصاب في حادث سير في إيطاليا",
        "إصابة الفنان جورج كلوني إثر حادث سير في إيطاليا",
        "agree",
        # "يصاب" and "إصابة" meet by stem form; what the text adds is "الفنان" and "إثر".
        "restated: 14% of the text's weight is new",
    ),
]

# ANS train pairs (the model's training data): (claim, text, stance, reason).
TRAIN_VERDICTS = [
    (
        "ارتفاع على النفط عالميا والسبب الخام الأميركي",
        "الخام الاميركي يسبب انخفاضا في اسعار النفط",
        "disagree",
        "opposite words: ارتفاع / انخفاضا",
    ),
    (
        "جماعة فيلق الرحمن توافق على الانسحاب من الغوطة الشرقية",
        "جماعة فيلق الرحمن تنفي إنسحابها من الغوطة الشرقية",
        "disagree",
        "negation: only the text says تنفي",
    ),
    (
        "ليبيا تصدر حكما بإعدام 45 شخصا متهمين بقتل متظاهرين عام 2011",
        "ليبيا تعلن حكما ببراءة 45 شخصا سبق اتهامهم بقتل المتظاهرين",
        "disagree",
        "contrast-prone word added: براءه",
    ),
    (
        "الصليب الأحمر يسحب 71 عامل إغاثة من اليمن خوفا على سلامتهم",
        "سحب 71 عامل إغاثة تابعين للصليب الأحمر من اليمن خوفا على سلامتهم",
        "agree",
        "restated: 6% of the text's weight is new",
    ),
]


@pytest.mark.parametrize(("claim", "text", "stance", "reason"), VERDICTS)
def test_judge_names_the_slot_that_differs(claim, text, stance, reason):
    verdict = judge(claim, text)
    assert (verdict.stance, verdict.reason, verdict.evidence) == (stance, reason, text)


@pytest.mark.parametrize(("claim", "text", "stance", "reason"), TRAIN_VERDICTS)
def test_shipped_model_gives_the_documented_verdicts_on_train_pairs(claim, text, stance, reason):
    assert (judge(claim, text).stance, judge(claim, text).reason) == (stance, reason)


def test_shipped_model_reads_every_feature():
    path = resources.files("akhbar.story") / "models" / "stance.json"
    model = json.loads(path.read_text(encoding="utf-8"))
    assert model["features"] == list(FEATURES)
    assert model["classes"] == ["agree", "disagree", "other"]
    assert len(model["weights"]) == 3 and {len(row) for row in model["weights"]} == {len(FEATURES)}
    assert path.stat().st_size < 10_000  # plain weights, no data


def test_training_is_deterministic():
    rng = np.random.default_rng(0)
    matrix = rng.normal(size=(60, len(FEATURES)))
    labels = np.array([0, 1, 2] * 20)
    one, two = (fit(matrix, labels, TrainConfig(steps=50)) for _ in range(2))
    assert np.array_equal(one.weights, two.weights)
    assert np.array_equal(one.bias, two.bias)


def test_a_present_verb_meets_its_noun():
    claim, text = read_side("جورج كلوني يصاب في حادث"), read_side("إصابة جورج كلوني في حادث")
    assert only_in(claim, text) == ()


def test_a_rounded_count_agrees_with_a_close_one():
    claim = "مقتل نحو 20 شخصا في هجوم على سوق في بغداد"
    assert judge(claim, "مقتل 18 شخصا في هجوم على سوق في بغداد").stance == "agree"
    assert judge(claim, "مقتل 40 شخصا في هجوم على سوق في بغداد").stance == "disagree"


def test_the_most_related_sentence_of_an_article_decides():
    sentences = [
        "وصل الرئيس إلى العاصمة مساء الأحد.",
        "وأكد الكرملين التزام روسيا بدعم وحدة سوريا وسيادتها وسلامة أراضيها.",
    ]
    verdict = check_text("بوتين يؤكد دعم وحدة سوريا وسيادتها", sentences)
    assert (verdict.stance, verdict.evidence) == ("agree", sentences[1])
    assert check_text("بوتين يؤكد دعم وحدة سوريا وسيادتها", []).stance == "other"


_SENTENCE = (
    "أكد الكرملين التزام روسيا بدعم وحدة سوريا وسيادتها وسلامة أراضيها مشددا على أهمية "
    "تنفيذ مجموعة من الإجراءات الهادفة إلى تحقيق استقرار دائم في البلاد ارتفع النفط 20 قتيلا "
    "لم يعلن غير"
)
_WORDS = _SENTENCE.split(" ")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=4, max_size=14))
def test_a_sentence_agrees_with_itself(words):
    sentence = " ".join(words)
    assume(len(stem_keys(sentence)) >= 2)  # content words to compare, not only "على"
    assert judge(sentence, sentence).stance == "agree"


def test_check_prints_agree_for_the_seed_articles_that_say_it():
    result = runner.invoke(app, ["check", "بوتين يؤكد دعم وحدة سوريا وسيادتها", str(SEEDS)])
    assert result.exit_code == 0, result.output
    stances = dict(line.split()[:2][::-1] for line in result.stdout.splitlines() if line[:1] != " ")
    # 003 and 004 say it in as many words ("التزام موسكو بوحدة سوريا وسيادتها").
    assert stances["003_7e57f8d70e9d2bf3"] == "agree"
    assert stances["004_c80ef43e0c326550"] == "agree"
    assert "وحدة سوريا وسيادتها" in result.stdout


def test_check_pairs_round_trip(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    rows = [{"id": str(n), "claim": c, "text": t} for n, (c, t, _, _) in enumerate(VERDICTS)]
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    out = tmp_path / "verdicts.jsonl"
    result = runner.invoke(app, ["check", "--pairs", str(pairs), "-o", str(out)])
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [g["id"] for g in got] == [r["id"] for r in rows]
    assert [g["stance"] for g in got] == [stance for _, _, stance, _ in VERDICTS]
    assert [g["evidence"] for g in got] == [r["text"] for r in rows]
    assert set(got[0]) == {"id", "stance", "reason", "evidence"}


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"id": "1", "claim": "أ ب", "text": "ج د"}', "{not json"], "pairs.jsonl:2: not JSON"),
        (['{"id": "1", "claim": "أ ب"}'], "pairs.jsonl:1: missing key 'text'"),
        (['["id", "claim", "text"]'], "pairs.jsonl:1: expected a JSON object"),
    ],
)
def test_check_pairs_bad_line_is_a_usage_error_naming_the_line(tmp_path, lines, message):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "verdicts.jsonl"
    result = runner.invoke(app, ["check", "--pairs", str(pairs), "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not out.exists() and not list(tmp_path.glob("*.partial"))


def test_check_pairs_missing_file_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["check", "--pairs", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2
    assert "absent.jsonl: cannot be read" in result.stderr


def test_check_needs_a_claim_and_a_path_or_pairs(tmp_path):
    assert runner.invoke(app, ["check", "بوتين يؤكد"]).exit_code == 2
    pairs = tmp_path / "p.jsonl"
    pairs.write_text("", encoding="utf-8")
    both = runner.invoke(app, ["check", "بوتين يؤكد", str(SEEDS), "--pairs", str(pairs)])
    assert both.exit_code == 2


def test_read_pairs_keeps_file_order(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        '{"id": 7, "claim": "أ", "text": "ب"}\n\n{"id": "x", "claim": "ج", "text": "د"}\n'
    )
    assert [p.id for p in read_pairs(pairs)] == ["7", "x"]


def test_eval_scores_and_halves():
    scores = score(["agree", "disagree", "other"], ["agree", "agree", "other"])
    assert scores.per_label["agree"][:3] == (0.5, 1.0, pytest.approx(2 / 3))
    assert scores.confusion[("disagree", "agree")] == 1
    from akhbar.eval.stance import _Pair

    pairs = [_Pair(f"ادعاء {n}", "نص", "agree") for n in range(40)]
    calibration, check = split_half(pairs, "calibration"), split_half(pairs, "check")
    assert calibration and check and len(calibration) + len(check) == len(pairs)


def test_opposites_are_pairs_of_word_lists():
    for line in load_entries("stance_opposites"):
        one, sep, two = line.partition(" / ")
        assert sep and one.split() and two.split(), line
        assert not set(one.split()) & set(two.split()), line
