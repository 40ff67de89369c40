#!/bin/sh
# Regenerates the figures of docs/gallery.md with the built distribution:
#   ./mvnw -B -ntp package -DskipTests && sh docs/gallery/generate.sh
# NEUROGYM may name another launcher (e.g. NEUROGYM=neurogym when it is on the PATH).
set -e
cd "$(dirname "$0")"
NEUROGYM="${NEUROGYM:-../../distribution/target/neurogym/bin/neurogym}"
"$NEUROGYM" plot PerceptualDecisionMaking-v0 --agent oracle --trials 2 --seed 1 --width 800 --out perceptual.png
"$NEUROGYM" plot DelayMatchSample-v0 --agent oracle --trials 2 --seed 1 --width 800 --out working-memory.png
"$NEUROGYM" plot EconomicDecisionMaking-v0 --agent oracle --trials 3 --seed 1 --width 800 --out value-based.png
"$NEUROGYM" plot Reaching1D-v0 --agent oracle --trials 2 --seed 1 --width 800 --out motor.png
"$NEUROGYM" plot ReadySetGo-v0 --agent oracle --trials 2 --seed 1 --width 800 --out timing.png
"$NEUROGYM" plot PerceptualDecisionMaking-v0 --agent random --trials 3 --seed 2 --param dim_ring=16 --width 800 --out heatmap.png
"$NEUROGYM" render RandomDotMotion-v0 --trials 2 --seed 1 --out rdm.gif
"$NEUROGYM" render RandomDotMotion-v0 --trials 1 --seed 1 --scale 2 --out rdm.png
"$NEUROGYM" plot RandomDotMotion-v0 --trials 2 --seed 1 --out rdm-plot.png
"$NEUROGYM" render VisualSearch-v0 --trials 2 --seed 1 --scale 2 --columns 4 --out visual-search.png
"$NEUROGYM" render SpatialSuppressMotionPixels-v0 --trials 1 --seed 2 --scale 2 --columns 12 --out plaid.png
"$NEUROGYM" psychometric PerceptualDecisionMaking-v0 --agent threshold --trials 2000 --seed 1 --out psychometric.png
# A curriculum's training history: the Monitor writes it under the run's local_dir ("runs", relative
# to where the run starts), so run in a scratch directory and keep the figure.
here="$(pwd)"
case "$NEUROGYM" in /*|*/*) launcher="$(cd "$(dirname "$NEUROGYM")" && pwd)/$(basename "$NEUROGYM")" ;; *) launcher="$NEUROGYM" ;; esac
scratch="$(mktemp -d)"
(cd "$scratch" && "$launcher" run --config "$here/../../config/examples/shaping.toml" --agent threshold --trials 700 --seed 0 > /dev/null)
cp "$scratch"/runs/PerceptualDecisionMaking-v0/*/training_history.png shaping.png
rm -rf "$scratch"
