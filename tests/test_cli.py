"""CLI polish (issue 20): --version, help with examples, one error line and exit 2 for bad arguments."""
import click
import pytest
import typer

from lagebild import __version__
from lagebild.cli import app, main

LIGHT_TEXT = ("Hochwasser in Elmsfeld\n\nDie Feuerwehr sprach am Dienstag von etwa 1.500 Menschen, die ihre Häuser "
              "verlassen mussten. Einsatzleiter Markus Feldhofer sagte, die Lage sei angespannt.\n")


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _commands():
    root = typer.main.get_command(app)
    yield (), root
    for name, cmd in root.commands.items():
        yield (name,), cmd
        for sub, subcmd in getattr(cmd, "commands", {}).items():
            yield (name, sub), subcmd


def test_version(capsys):
    code, out, _ = _run(capsys, "--version")
    assert code == 0 and out.strip() == f"lagebild {__version__}"


def test_every_command_has_help_and_an_example():
    for path, cmd in _commands():
        text = (cmd.help or "") + (cmd.epilog or "")
        assert "Example" in text, f"lagebild {' '.join(path)}: no example in its help"
        if path and path[0] == "train":
            continue  # training recipes have their own README
        for param in cmd.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help, f"lagebild {' '.join(path)} {param.opts[0]}: no help text"


def test_flags_are_shown_without_type_noise(capsys):
    code, out, _ = _run(capsys, "report", "--help")
    assert code == 0
    assert "<bool>" not in out and "-q, --quiet" in out and "lagebild report articles/" in out


@pytest.mark.parametrize("argv,needle", [
    (["report", "{tmp}/nope"], "no such file or directory: {tmp}/nope"),
    (["report", "{tmp}/none-*.txt"], "no file matches"),
    (["report", "--db", "{tmp}/typo.db"], "no database at {tmp}/typo.db"),
    (["report", "{tmp}/in.txt", "--db", "{tmp}/x.db"], "not both"),
    (["report"], "give PATH"),
    (["ingest", "{tmp}/nope"], "no such file or directory"),
    (["serve", "--db", "{tmp}/typo.db"], "no database at"),
    (["serve", "--db", "{tmp}/in.txt"], "cannot open database"),
    (["eval", "report", "{tmp}/nope"], "no such file or directory"),
    (["eval", "quotes", "{tmp}/nope"], "no such file or directory"),
    (["eval", "boilerplate", "{tmp}/nope"], "no such file or directory"),
])
def test_bad_arguments_are_one_line_and_exit_2(capsys, tmp_path, monkeypatch, argv, needle):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text(LIGHT_TEXT, encoding="utf-8")
    code, out, err = _run(capsys, *[a.format(tmp=tmp_path) for a in argv])
    assert code == 2, (code, out, err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error "), err
    assert needle.format(tmp=tmp_path) in lines[0]
    assert "Traceback" not in out + err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]  # no database, no report written


def test_every_eval_task_with_a_missing_path_is_one_line(capsys, tmp_path):
    root = typer.main.get_command(app)
    for task in root.commands["eval"].commands:
        code, out, err = _run(capsys, "eval", task, str(tmp_path / "missing"))
        assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1, (task, err)


def test_usage_errors_exit_2_without_traceback(capsys):
    for argv in (["report", "--max-mb", "lots"], ["nosuchcommand"], ["export", "--nosuch"], ["eval", "nosuch"]):
        code, out, err = _run(capsys, *argv)
        assert code == 2 and "Traceback" not in err, (argv, err)


def test_binary_junk_and_empty_input_write_nothing(capsys, tmp_path):
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "notes.bin").write_text("hello")
    (tmp_path / "empty").mkdir()
    for src in ("junk", "empty"):
        out_dir = tmp_path / f"out-{src}"
        code, out, err = _run(capsys, "report", str(tmp_path / src), "--out", str(out_dir), "--quiet")
        assert code == 1 and "no articles found" in err and "nothing written" in err
        assert not out_dir.exists()
    assert "notes.bin: skipped: .bin is not an article format" in _run(
        capsys, "report", str(tmp_path / "junk"), "--out", str(tmp_path / "o"))[2]


def test_report_counts_in_words_with_plurals(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(LIGHT_TEXT, encoding="utf-8")
    code, out, err = _run(capsys, "report", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"))
    assert code == 0, err
    assert "1 article, 1 story ->" in err
    assert (tmp_path / "out" / "dossier.json").exists()


def test_report_from_a_database(capsys, tmp_path):
    db = tmp_path / "news.db"
    (tmp_path / "a.txt").write_text(LIGHT_TEXT, encoding="utf-8")
    code, _, err = _run(capsys, "ingest", str(tmp_path / "a.txt"), "--db", str(db))
    assert code == 0 and "1 article in" in err, err
    code, _, err = _run(capsys, "report", "--db", str(db), "--out", str(tmp_path / "out"))
    assert code == 0, err
    assert (tmp_path / "out" / "dossier.json").exists()


def test_progress_shows_every_phase_with_counts_and_rates(monkeypatch):
    import io
    import time

    from rich.console import Console

    import lagebild.cli as cli

    console = Console(file=io.StringIO(), record=True, force_terminal=True, width=120)
    monkeypatch.setattr(cli, "err", console)
    with cli._Bar(False) as bar:
        for phase in ("read", "analyse", "link"):
            bar(phase, 0, None)
            time.sleep(0.02)
            bar(phase, 3, 3)
        bar.progress.refresh()
    text = console.export_text()
    for phase in ("read", "analyse", "link"):
        line = next(line for line in text.splitlines()[::-1] if line.startswith(phase))
        assert "3/3" in line and "/s" in line, line
