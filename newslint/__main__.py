from newslint.cli import command

raise SystemExit(command())
