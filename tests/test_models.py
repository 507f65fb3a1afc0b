"""The records' quick ``__init__`` (``models._quick_init``) behaves as the dataclass's own."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from verify_refs import models
from verify_refs.models import IdScheme, Identifier, Person, Reference, Span

QUICK = [cls for cls in vars(models).values()
         if isinstance(cls, type) and dataclasses.is_dataclass(cls)
         and cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
         and "_set_" in " ".join(cls.__init__.__code__.co_names)]


def _plain_twin(cls: type) -> type:
    """The same fields through dataclasses' own generated ``__init__``."""
    return dataclasses.make_dataclass(
        cls.__name__, [(f.name, f.type, f) for f in dataclasses.fields(cls)], frozen=True, slots=True)


def test_the_hot_records_have_the_quick_init():
    names = {cls.__name__ for cls in QUICK}
    assert {"Span", "Reference", "Person", "Identifier", "Marker", "Note", "ShortCite", "Finding"} <= names
    assert "Report" not in names  # its default_factory fields keep the dataclass's own


@pytest.mark.parametrize("cls", QUICK, ids=lambda cls: cls.__name__)
def test_signature_is_the_dataclass_one(cls):
    ours = inspect.signature(cls.__init__).parameters
    theirs = inspect.signature(_plain_twin(cls).__init__).parameters
    assert [(p.name, p.default, p.kind) for p in ours.values()] == \
           [(p.name, p.default, p.kind) for p in theirs.values()]


@pytest.mark.parametrize("cls", QUICK, ids=lambda cls: cls.__name__)
def test_every_field_is_stored_and_stays_frozen(cls):
    fields = dataclasses.fields(cls)
    values = {f.name: object() for f in fields}  # distinct sentinels: a swapped field shows
    record = cls(**values)
    positional = cls(*values.values())
    for f in fields:
        assert getattr(record, f.name) is values[f.name]
        assert getattr(positional, f.name) is values[f.name]
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, f.name, None)


def test_defaults_equality_hash_order_replace_and_pickle():
    span = Span("a.txt", 3, 7)
    assert span == Span(path="a.txt", line=3, column=7) and hash(span) == hash(Span("a.txt", 3, 7))
    assert sorted([Span("a.txt", 4, 1), span]) == [span, Span("a.txt", 4, 1)]
    reference = Reference(id="a.txt:3:7", span=span, text="Coox 1968")
    assert reference.authors == () and reference.year is None and reference.note_label is None
    assert dataclasses.replace(reference, year=1968).year == 1968
    assert Person("Coox").given == ""
    identifier = Identifier(IdScheme.DOI, "10.2307/149359", "10.2307/149359", span)
    assert pickle.loads(pickle.dumps(identifier)) == identifier
    assert pickle.loads(pickle.dumps(reference)) == reference
    with pytest.raises(TypeError):
        Span("a.txt", 3)  # a required field left out fails as the dataclass's own would
