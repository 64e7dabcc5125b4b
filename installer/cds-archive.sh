#!/bin/sh
# Adds an AppCDS archive to the application image, so the installed app starts faster: the image is
# started once (under Xvfb when there is no display) to list the classes it loads up to its first
# window, those classes (JDK and app) are dumped into lib/app/ruimteschets.jsa (a static archive: the
# stripped runtime has no default CDS archive to build a dynamic one on), and the launcher's
# configuration passes -XX:SharedArchiveFile=$APPDIR/ruimteschets.jsa. Without a display or xvfb-run the image stays as it
# is (it works without the archive). Called by the jpackage profile after jpackage; argument: the image.
IMAGE="$1"
APP="$IMAGE/lib/app"
CFG="$APP/Ruimteschets.cfg"
[ -x "$IMAGE/bin/Ruimteschets" ] && [ -f "$CFG" ] || { echo "cds-archive: no application image at $IMAGE"; exit 0; }
rm -f "$APP/ruimteschets.jsa" "$APP/ruimteschets.classes"
train() {
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$APP/ruimteschets.classes" "$@" "$IMAGE/bin/Ruimteschets" --exit-after-shown \
    && JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$APP/ruimteschets.classes -XX:SharedArchiveFile=$APP/ruimteschets.jsa" \
       "$IMAGE/bin/Ruimteschets" >/dev/null
  rm -f "$APP/ruimteschets.classes"
}
if [ -n "$DISPLAY" ]; then train
elif command -v xvfb-run >/dev/null 2>&1; then train xvfb-run -a -s "-screen 0 1920x1080x24"
else echo "cds-archive: no display and no xvfb-run; image left without a CDS archive"; exit 0
fi
if [ -s "$APP/ruimteschets.jsa" ]; then
  # [JavaOptions] is the configuration's last section; $APPDIR is the launcher's own app folder.
  grep -q SharedArchiveFile "$CFG" || echo 'java-options=-XX:SharedArchiveFile=$APPDIR/ruimteschets.jsa' >> "$CFG"
  echo "cds-archive: $(du -h "$APP/ruimteschets.jsa" | cut -f1) archive added"
else
  echo "cds-archive: the training run wrote no archive; image left without one"
fi
exit 0
