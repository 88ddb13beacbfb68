"""Train a classifier: /usr/bin/python3 -m models.train.meso --arch meso4|mesoinception4|mnv2|mnv2-scratch"""
import argparse

from .train import add_arguments, run

# Sized for 2 CPU cores: about 25 min (Meso-4) and 35 min (MesoInception-4) of wall time.
DEFAULTS = {'meso4': dict(epochs=14, epoch_size=6000, budget_min=30),
            'mesoinception4': dict(epochs=10, epoch_size=4000, budget_min=40),
            'mnv2': dict(epochs=8, epoch_size=6000, budget_min=60),
            'mnv2-scratch': dict(epochs=8, epoch_size=6000, budget_min=60)}


def main() -> None:
    arch = argparse.ArgumentParser(add_help=False)
    arch.add_argument('--arch', choices=sorted(DEFAULTS), default='meso4')
    known, _ = arch.parse_known_args()
    parser = argparse.ArgumentParser(description=__doc__, parents=[arch])
    add_arguments(parser, **DEFAULTS[known.arch])
    args = parser.parse_args()
    run(args.arch, args)


if __name__ == '__main__':
    main()
