from gaoku.cli import main

main(prog_name="gaoku")
