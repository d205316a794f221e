"""The register file format, strategy-tree files and the built-in trees: thaiplan.io._register."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thaiplan
from strategies import registers
from thaiplan import CalendarFileError, ProjectRegister


def _problems(text: str) -> list[tuple[int | None, int | None, str, str]]:
    with pytest.raises(CalendarFileError) as caught:
        thaiplan.loads_register(text, file="r.yaml")
    return [(p.line, p.column, p.path, p.message) for p in caught.value.problems]


GOOD = """\
format: thaiplan-register/1
name: ทะเบียนโครงการ อบต.ตัวอย่าง
trees:
- national-strategy
- id: lao
  name: ยุทธศาสตร์การพัฒนา อบต.
  nodes:
  - {id: '1', code: '๑', name: การพัฒนาโครงสร้างพื้นฐาน, kind: lao_strategy}
  - {id: '1.1', code: '๑.๑', name: ก่อสร้างและปรับปรุงถนน, kind: tactic, parent: '1'}
plans:
- {id: lao-plan, name: แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๗๐), kind: development, level: local, years: [2566, 2570]}
projects:
- id: p1
  title: ก่อสร้างถนน คสล. หมู่ที่ ๓
  level: local
  plan: lao-plan
  form: ผ.02
  budget: {2566: " 1,632,820 ", 2567: " - ", 2568: ๕๐๐๐๐๐, 2569: 1500.50}
  location: {province: '74', district: '7402', villages: [หมู่ที่ ๓], start: [13.5471, 100.2744]}
  links: [{tree: lao, node: '1.1'}, {tree: national-strategy, node: '2', justification: เชื่อมโยงการคมนาคม}]
  status: [{state: submitted, date: ๕ เม.ย. ๖๕}]
"""


class TestRead:
    def test_reads_as_documents_write(self) -> None:
        """Amounts with commas, dashes, Thai digits and a YAML number with a point; forms and Thai dates."""
        register = thaiplan.loads_register(GOOD)
        project = register.project("p1")
        assert {
            2566: Decimal("1632820"),
            2568: Decimal("500000"),
            2569: Decimal("1500.50"),
        } == project.budget_by_year()
        assert thaiplan.ProjectForm.P02 is project.form
        assert "2022-04-05" == project.status[0].date.isoformat()  # type: ignore[union-attr]
        assert thaiplan.strategy_tree("national-strategy") == register.tree("national-strategy")
        assert ["1", "1.1"] == [node.id for node in register.tree("lao")]

    def test_every_problem_at_its_place(self) -> None:
        """Unknown keys, bad amounts, bad dates, duplicate ids and unknown plans, all at once, placed."""
        text = """\
format: thaiplan-register/1
trees: [national-strategi]
plans: [{id: lp, name: แผน, kind: development, level: local}]
projects:
- {id: p1, title: ถนน, level: local, tittle: x}
- {id: p1, title: ถนน, level: locl, plan: lq}
- {id: p3, title: ถนน, level: local, budget: {2566: "1,63,2820"}}
- {id: p4, title: ถนน, level: local, status: [{state: approved, date: ๓๒ มี.ค. ๖๕}]}
- {id: p5, title: 12, level: local, plan: lq}
"""
        problems = _problems(text)
        assert [
            (2, 9, "trees[0]"),
            (5, 38, "projects[0].tittle"),
            (6, 31, "projects[1].level"),
            (7, 53, "projects[2].budget.2566"),
            (8, 71, "projects[3].status[0].date"),
            (9, 19, "projects[4].title"),
        ] == [(line, column, path) for line, column, path, _ in problems]
        messages = " | ".join(message for *_, message in problems)
        assert "did you mean 'national-strategy'" in messages
        assert "did you mean 'title'" in messages
        assert "did you mean 'local'" in messages
        assert "commas go between groups of three" in messages
        assert "quote it" in messages

    def test_references_once_the_records_are_clean(self) -> None:
        """Duplicate ids and plans that the file does not define."""
        text = """\
format: thaiplan-register/1
plans: [{id: lp, name: แผน, kind: development, level: local}]
projects:
- {id: p1, title: ถนน, level: local}
- {id: p1, title: ถนน, level: local, plan: lq}
"""
        assert [
            (5, 8, "projects[1].id", "duplicate id 'p1' (first on line 4); ids are unique"),
            (
                5,
                44,
                "projects[1].plan",
                "plan names 'lq', which the file's plans do not define; they are 'lp'",
            ),
        ] == _problems(text)

    def test_json_problems_are_placed_too(self) -> None:
        """JSON is read fast, and read again with marks when it has problems."""
        text = '{"format": "thaiplan-register/1",\n "projects": [{"id": "p1", "title": "x", "level": "nowhere"}]}'
        assert [(2, 51, "projects[0].level")] == [
            (line, column, p) for line, column, p, _ in _problems(text)
        ]

    def test_json_numbers_with_a_point_are_exact(self) -> None:
        """A JSON amount with satang is read as its digits, not as a float."""
        text = '{"format": "thaiplan-register/1", "projects": [{"id": "p1", "title": "x", "level": "local", "budget": {"2566": 0.10}}]}'
        assert Decimal("0.10") == thaiplan.loads_register(text).project("p1").total_budget

    def test_wrong_format_and_empty(self) -> None:
        """The format key is required, and nothing else is read as a register."""
        assert "format: thaiplan-register/1" in _problems("projects: []")[0][3]
        assert "unknown format" in _problems("format: thaiplan-calendar/1")[0][3]

    def test_load_from_path_and_stream(self, tmp_path: Path) -> None:
        """load_register and dump_register take paths (suffix picks JSON) and streams."""
        register = thaiplan.loads_register(GOOD)
        for name in ("r.yaml", "r.json"):
            thaiplan.dump_register(register, tmp_path / name)
            assert register == thaiplan.load_register(tmp_path / name)
        assert (tmp_path / "r.json").read_text(encoding="utf-8").startswith("{")
        stream = io.StringIO()
        thaiplan.dump_register(register, stream)
        assert register == thaiplan.load_register(io.StringIO(stream.getvalue()))


class TestRoundTrip:
    def test_known_file(self) -> None:
        """A dumped file dumps again to the same bytes; built-in trees are written by name."""
        text = thaiplan.dumps_register(thaiplan.loads_register(GOOD))
        assert text == thaiplan.dumps_register(thaiplan.loads_register(text))
        assert "- national-strategy\n" in text
        assert "2569: '1500.50'" in text

    @given(registers)
    @settings(max_examples=40, deadline=None)
    def test_any_register(self, register: ProjectRegister) -> None:
        """loads(dumps(r)) == r in YAML and JSON, and the text is stable."""
        for form in ("yaml", "json"):
            text = thaiplan.dumps_register(register, format=form)  # type: ignore[arg-type]
            again = thaiplan.loads_register(text)
            assert register == again
            assert text == thaiplan.dumps_register(again, format=form)  # type: ignore[arg-type]

    @given(registers)
    @settings(max_examples=20, deadline=None)
    def test_schema_accepts_what_thaiplan_writes(self, register: ProjectRegister) -> None:
        """The shipped JSON Schema accepts every file thaiplan writes."""
        jsonschema = pytest.importorskip("jsonschema")
        data = json.loads(thaiplan.dumps_register(register, format="json"))
        jsonschema.validate(data, thaiplan.register_schema())

    def test_schema_rejects_unknown_keys(self) -> None:
        """The schema, like the reader, refuses a misspelt key."""
        jsonschema = pytest.importorskip("jsonschema")
        data = {
            "format": "thaiplan-register/1",
            "projects": [{"id": "p", "title": "x", "level": "local", "tittle": 1}],
        }
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, thaiplan.register_schema())


class TestBuiltinTrees:
    @pytest.mark.parametrize(
        ("name", "size", "kind"),
        [
            ("national-strategy", 6, "national_strategy"),
            ("master-plans", 26, "master_plan"),
            ("plan-13-milestones", 13, "milestone"),
            ("sdgs", 17, "sdg"),
            ("lao-programmes", 16, "programme_area"),
        ],
    )
    def test_each_tree(self, name: str, size: int, kind: str) -> None:
        """Each built-in tree loads by name, names its sources, and its roots are of its kind."""
        tree = thaiplan.strategy_tree(name)
        assert (name, size) == (tree.id, len(tree))
        assert "http" in tree.source
        assert tree.notes
        assert {kind} == {str(node.kind) for node in tree.roots()}

    def test_known_names(self) -> None:
        """Names are transcribed verbatim from the sources."""
        assert (
            "ยุทธศาสตร์ชาติด้านการสร้างความสามารถในการแข่งขัน"
            == thaiplan.strategy_tree("national-strategy").node("2").name
        )
        assert "เขตเศรษฐกิจพิเศษ" == thaiplan.strategy_tree("master-plans").node("09").name
        assert (
            "ลดความไม่เสมอภาคภายในและระหว่างประเทศ" == thaiplan.strategy_tree("sdgs").node("10").name
        )
        programmes = thaiplan.strategy_tree("lao-programmes")
        assert 12 == sum(node.kind == "budget_programme" for node in programmes)
        assert ["area-3"] == [node.id for node in programmes.ancestors("9")]
        assert "090202" in [n.id for n in thaiplan.strategy_tree("master-plans").descendants("09")]

    def test_listed_beside_the_documents(self) -> None:
        """builtin_names() lists documents and trees; each kind alone on request."""
        assert ("samut-sakhon-2563",) == thaiplan.builtin_names("document")
        assert thaiplan.builtin_names("strategy-tree") == (
            "lao-programmes",
            "master-plans",
            "national-strategy",
            "plan-13-milestones",
            "sdgs",
        )
        files = thaiplan.builtin_names("document") + thaiplan.builtin_names("calendar")
        assert thaiplan.builtin_names() == tuple(sorted(files)) + thaiplan.builtin_names(
            "strategy-tree"
        )

    def test_unknown_tree(self) -> None:
        """An unknown name is a CalendarFileError listing the built-in trees."""
        with pytest.raises(CalendarFileError, match="national-strategy"):
            thaiplan.strategy_tree("national")

    def test_tree_file(self, tmp_path: Path) -> None:
        """A province's own tree is a file of its own, read with located problems."""
        path = tmp_path / "province.yaml"
        path.write_text(
            "format: thaiplan-strategy-tree/1\nid: skn\nname: ประเด็นการพัฒนาจังหวัดสมุทรสาคร\nnodes:\n"
            "- {id: '1', name: ประเด็นที่ ๑, kind: provincial_strategy}\n"
            "- {id: '1.1', name: กลยุทธ์, kind: tactic, parent: '9'}\n",
            encoding="utf-8",
        )
        with pytest.raises(CalendarFileError) as caught:
            thaiplan.strategy_tree(path)
        assert "parent '9'" in str(caught.value)
        path.write_text(path.read_text(encoding="utf-8").replace("'9'", "'1'"), encoding="utf-8")
        assert ["1.1"] == [n.id for n in thaiplan.strategy_tree(path).children("1")]


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**13)
    | st.text(max_size=12)
    | st.floats(allow_nan=False),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_PROJECT_KEYS = st.sampled_from(
    [
        "id",
        "title",
        "level",
        "budget",
        "location",
        "links",
        "status",
        "indicators",
        "form",
        "follow_up",
        "escalations",
        "steps",
        "beyond_capacity",
        "tittle",
    ]
)


class TestHostileInput:
    @given(_PROJECT_KEYS, _JSON_VALUES, st.sampled_from(["json", "yaml"]))
    @settings(max_examples=150, deadline=None)
    def test_any_value_anywhere(self, key: str, value: object, form: str) -> None:
        """Any value under any key of a project is read or refused with a CalendarFileError, never another error."""
        data = {
            "format": "thaiplan-register/1",
            "projects": [{"id": "p1", "title": "ถนน", "level": "local", key: value}],
        }
        text = json.dumps(data, ensure_ascii=False)
        if form == "yaml":
            text = (
                thaiplan.dumps_register(ProjectRegister()).replace("projects: []\n", "")
                + "projects:\n- "
                + json.dumps(data["projects"][0], ensure_ascii=False)
                + "\n"
            )
        problems: tuple[object, ...] = ()
        register = None
        try:
            register = thaiplan.loads_register(text)
        except CalendarFileError as error:
            problems = error.problems
        assert problems or (register is not None and len(register) == 1)
