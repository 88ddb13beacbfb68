"""Train the multi-task (class + manipulation mask) net: /usr/bin/python3 -m models.train.multitask"""
import argparse

from .train import add_arguments, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    # Sized for 2 CPU cores: about 40 min of wall time.
    add_arguments(parser, epochs=14, epoch_size=4000, budget_min=45)
    parser.add_argument('--arch', choices=('multitask', 'multitask-evidence', 'mnv2-multitask', 'mnv2-multitask-kind', 'mnv2-multitask-refine',
                                           'mnv2-multitask-separable', 'mnv2-multitask-deep'), default='multitask',
                        help='multitask-evidence: the classifier also sees summaries of the predicted mask; '
                             'mnv2-multitask: the MobileNetV2 classifier with a mask decoder; '
                             'mnv2-multitask-kind: the same with a forgery-kind output (GAN vs replaced or blended); '
                             'mnv2-multitask-refine: that net with residual depthwise-separable blocks in its mask decoder; '
                             'mnv2-multitask-separable: the same with 1x1 instead of 3x3 convolutions opening each decoder stage; '
                             'mnv2-multitask-deep: that net with MobileNetV2 blocks 11-12 after block_10 (starting as the identity)')
    args = parser.parse_args()
    run(args.arch, args)


if __name__ == '__main__':
    main()
