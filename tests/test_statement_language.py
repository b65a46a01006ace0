"""The English language rules read English statements only: a statement's own language is
judged as well as its file's (mixed files are common: Thai objectives over English key
results, one Dutch key result in an English file)."""

from __future__ import annotations

from okrlint import lint_text
from okrlint.loaders.language_guess import text_language


def _codes_by_line(text: str) -> dict[int, set[str]]:
    report = lint_text(text, path="okrs.yaml")
    lines: dict[int, set[str]] = {}
    for finding in report.findings:
        lines.setdefault(finding.range.start.line, set()).add(finding.code)
    return lines


def test_a_dutch_key_result_in_an_english_file_gets_no_english_language_rule() -> None:
    lines = _codes_by_line(
        "cycle: 2026-Q2\n"
        "objectives:\n"
        "  - title: Make onboarding effortless for new teams\n"
        "    key_results:\n"
        "      - Opschrijven wat mijn 3 belangrijkste waarden zijn binnen de IT en het team\n"
        "      - Launch the new onboarding flow\n"
        "      - Raise 7-day activation from 38% to 50% by June 30\n"
    )
    assert "O101" in lines.get(6, set())  # the English task is still read
    assert not {"O101", "O102", "M201", "M202", "M203"} & lines.get(5, set())


def test_english_key_results_under_thai_objectives_are_read() -> None:
    thai = "ทำให้ทีมใหม่เริ่มใช้งานได้ง่ายและรวดเร็วภายในไตรมาสนี้สำหรับทุกคน"
    text = (
        "cycle: 2026-Q2\n"
        "objectives:\n"
        f"  - title: {thai}\n"
        "    key_results:\n"
        "      - Launch the new onboarding flow for all teams\n"
        f"      - {thai} 80%\n"
        f"  - title: {thai}ครั้งที่สอง\n"
        "    key_results:\n"
        f"      - {thai} 90%\n"
        f"      - {thai} 95%\n"
    )
    lines = _codes_by_line(text)
    assert "O101" in lines.get(5, set())
    assert text_language(thai, "und") == "und"
    assert text_language("Launch the new onboarding flow for all teams", "und") is None


def test_a_short_statement_in_a_latin_script_foreign_file_keeps_the_files_language() -> None:
    # Too few words to tell: the file's language decides, so no English rule misreads it.
    assert text_language("Lansera appen", "sv") == "sv"
    assert text_language("Opschrijven wat mijn 3 waarden zijn", None) == "nl"
    assert text_language("Ship v2 to 500 users", None) is None


def test_a_short_statement_of_words_english_does_not_know_is_foreign() -> None:
    # Too few function words for the count alone: the words themselves are in no English list.
    assert text_language("De APV nastreven die van toepassing is.", None) == "nl"
    assert text_language("De wetten in formele zin nastreven.", None) not in (None, "en")
    assert text_language("Teste o sistema de pagamentos", None) == "pt"
    # English with jargon, names and a stray foreign word stays English.
    assert text_language("Migrate etcd to k8s operators in prod", None) is None
    assert text_language("Onboard 3 de novo biotech startups", None) is None
    assert text_language("Ship the kubectl plugin to krew", None) is None


def test_the_parts_of_an_address_are_no_foreign_words() -> None:
    # "on" is also Finnish; "https", "electronjs", "org" are in no English list: still English.
    assert text_language("Increase views on https://electronjs.org/docs", None) is None
    assert text_language("Mail admissions@school.org on time", None) is None


def test_english_jargon_whose_only_function_word_other_languages_share_is_english() -> None:
    # "in" is also Italian, Dutch and German, and kubectl, configs and terraform are in no
    # English word list: that is no sign of another language, and the task is still read.
    assert text_language("Migrate kubectl configs in terraform", None) is None
    lines = _codes_by_line(
        "cycle: 2026-Q2\n"
        "objectives:\n"
        "  - title: Make deploys boring\n"
        "    key_results:\n"
        "      - Migrate kubectl configs in terraform\n"
    )
    assert "O101" in lines.get(5, set())


def test_chinese_statements_with_latin_product_names_are_not_english() -> None:
    # A Chinese character carries about a word: the Latin names ("trino", "hudi") do not make
    # the statement, or a file of them, English.
    text = (
        "cycle: 2026-Q2\n"
        "objectives:\n"
        "  - title: 湖仓一体的查询性能\n"
        "    key_results:\n"
        "      - 研究trino 查询hudi源码\n"
        "      - 学习Doris（从seatunnel/doris 导入（从hive/mysql）入手）\n"
        "      - Launch the new query planner for all teams\n"
    )
    lines = _codes_by_line(text)
    assert not {"O101", "O102", "M201", "M202"} & (lines.get(5, set()) | lines.get(6, set()))
    assert text_language("研究trino 查询hudi源码", None) == "und"
    assert "O101" in lines.get(7, set())  # the English statement is still read


def test_an_english_statement_with_a_chinese_name_is_english() -> None:
    assert text_language("Ship 中文 localization for the clinic app", None) is None
    assert text_language("Open 東京 office", None) is None
