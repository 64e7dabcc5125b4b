#!/bin/sh
# Start-up time of the app on the sample project, from the jar and from the jpackage image: RUNS starts of
# each with --exit-after-shown (it prints "shown after N ms (window W ms, then the map drawn)": N from the
# JVM's start until the map shows the sample's layers and labels, W when the window first appeared), then
# the median of each. Goals (issue #12): jar < 2000 ms, image < 1500 ms.
#
#   installer/startup-benchmark.sh [RUNS] [JAR] [IMAGE_DIR]
#   defaults: 5, target/ruimteschets.jar, target/dist/Ruimteschets (skipped when not built)
#
# Build first: ./mvnw -B -ntp -q -DskipTests package   (and -Pjpackage for the image with its CDS archive).
# Uses xvfb-run (1920x1080) when there is no DISPLAY. Figures from a busy machine are worth little: say so.
RUNS=${1:-5}
JAR=${2:-target/ruimteschets.jar}
IMAGE=${3:-target/dist/Ruimteschets}
if [ -n "$DISPLAY" ]; then XVFB=""; else XVFB=yes; fi

# median of the numbers on stdin, one a line
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure LABEL COMMAND...: runs it RUNS times, prints each line and the medians
measure() {
  label=$1; shift
  shown=""; window=""
  i=1
  while [ "$i" -le "$RUNS" ]; do
    if [ -n "$XVFB" ]; then line=$(xvfb-run -a -s '-screen 0 1920x1080x24' "$@" --exit-after-shown 2>/dev/null | grep 'shown after')
    else line=$("$@" --exit-after-shown 2>/dev/null | grep 'shown after'); fi
    echo "$label run $i: ${line:-no window (failed)}"
    s=$(echo "$line" | sed -n 's/.*shown after \([0-9]*\) ms.*/\1/p')
    w=$(echo "$line" | sed -n 's/.*(window \([0-9]*\) ms.*/\1/p')
    [ -n "$s" ] && shown="$shown$s
"
    [ -n "$w" ] && window="$window$w
"
    i=$((i + 1))
  done
  echo "$label median of $RUNS: map drawn $(printf '%s' "$shown" | grep . | median) ms, window $(printf '%s' "$window" | grep . | median) ms"
}

echo "start-up benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f "$JAR" ]; then measure "jar  " java -jar "$JAR"; else echo "jar: $JAR not built"; fi
if [ -x "$IMAGE/bin/Ruimteschets" ]; then
  if grep -q SharedArchiveFile "$IMAGE/lib/app/Ruimteschets.cfg" 2>/dev/null; then cds="with its CDS archive"; else cds="WITHOUT a CDS archive"; fi
  echo "image: $IMAGE ($cds)"
  measure "image" "$IMAGE/bin/Ruimteschets"
else
  echo "image: $IMAGE not built (./mvnw -B -ntp -q -Pjpackage -DskipTests package)"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
