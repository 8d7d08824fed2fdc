#!/usr/bin/env bash
# Regenerates the committed demo media in demo/media/ (H.264/AAC fMP4 HLS, two renditions,
# WebVTT subtitles in English and Dutch, a poster). Needs ffmpeg with libx264 and aac.
#
# The picture is a test pattern with a visible media clock and frame number, and a barcode
# that machines read: 10 blocks along the bottom-left edge, block i white when bit i of the
# frame number (0..599 within the 20 s loop) is set. Tests draw the video into a canvas, read
# the barcode and know exactly which frame is on screen.
#
# Usage: scripts/make-media.sh [--posters] [output-dir]   (default demo/media)
#   --posters  only (re)make the posters, leaving the stream and subtitles as they are
set -euo pipefail

POSTERS_ONLY=""
if [ "${1:-}" = "--posters" ]; then POSTERS_ONLY=1; shift; fi
OUT="${1:-$(dirname "$0")/../demo/media}"
SECONDS_LONG=20      # one loop of the simulated live stream
FPS=30
SEGMENT=2            # seconds; every segment starts with a keyframe
GOP=$((FPS * SEGMENT))

FONT="$(fc-match -f '%{file}' 'DejaVu Sans:bold' 2>/dev/null || true)"
if [ -z "$FONT" ] || [ ! -f "$FONT" ]; then
  FONT=""
  echo "make-media: no font found (install fonts-dejavu-core); the clock text is left out" >&2
fi

# The barcode: a black strip, then one white block per set bit of the frame number n.
barcode="drawbox=x=8:y=672:w=416:h=40:color=black:t=fill"
for bit in $(seq 0 9); do
  x=$((16 + bit * 40))
  barcode="$barcode,drawbox=x=$x:y=680:w=32:h=24:color=white:t=fill:enable='eq(mod(floor(n/$((1 << bit))),2),1)'"
done

text() { # text <expr> <x> <y> <size>
  if [ -n "$FONT" ]; then
    printf ",drawtext=fontfile=%s:text='%s':x=%s:y=%s:fontsize=%s:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=12" "$FONT" "$1" "$2" "$3" "$4"
  fi
}

picture="testsrc2=size=1280x720:rate=$FPS:duration=$SECONDS_LONG,format=yuv420p"
picture="$picture$(text 'VITRINE DEMO' '(w-text_w)/2' '60' 56)"
picture="$picture$(text 'media %{pts\:hms}   frame %{n}' '(w-text_w)/2' '(h-text_h)/2' 48)"
picture="$picture,$barcode"

label() { text "$1" 'w-text_w-24' 24 28; }

# Posters: the first frame of the 720p picture. poster.jpg (1280x720) for the `poster` attribute;
# AVIF and WebP at three widths for a page's responsive <picture slot="poster"> (a 412 px phone at
# 1.75x, Lighthouse's, picks 720 px: AVIF ~6 KB, WebP ~13 KB, the JPEG 75 KB). The AVIF one is
# small enough to arrive with the page's stylesheet, so the poster paints with the page's text.
posters() {
  local frame="$OUT/.poster-frame.png"
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "$picture" -frames:v 1 "$frame"
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "$picture" -frames:v 1 -q:v 4 "$OUT/poster.jpg"
  for width in 720 960 1280; do
    ffmpeg -hide_banner -loglevel error -y -i "$frame" -vf "scale=$width:-2" -c:v libwebp -quality 60 -compression_level 6 "$OUT/poster-$width.webp"
    ffmpeg -hide_banner -loglevel error -y -i "$frame" -vf "scale=$width:-2,format=yuv420p" -c:v libaom-av1 -still-picture 1 -crf 38 -cpu-used 4 "$OUT/poster-$width.avif"
  done
  rm -f "$frame"
}

if [ -n "$POSTERS_ONLY" ]; then
  mkdir -p "$OUT"
  posters
  ls -l "$OUT"/poster*
  exit 0
fi

rm -rf "$OUT"
mkdir -p "$OUT"

ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "$picture" \
  -f lavfi -i "sine=frequency=440:beep_factor=2:sample_rate=48000:duration=$SECONDS_LONG" \
  -filter_complex "[0:v]split=2[a][b];[a]scale=640:360$(label 360p)[v360];[b]null$(label 720p)[v720];[1:a]volume=0.2,asplit=2[a360][a720]" \
  -map "[v360]" -map "[a360]" -map "[v720]" -map "[a720]" \
  -c:v libx264 -profile:v main -preset slow -bf 0 -g $GOP -keyint_min $GOP -sc_threshold 0 \
  -b:v:0 300k -maxrate:v:0 360k -bufsize:v:0 600k \
  -b:v:1 800k -maxrate:v:1 960k -bufsize:v:1 1600k \
  -c:a aac -b:a 64k -ac 2 \
  -f hls -hls_time $SEGMENT -hls_playlist_type vod -hls_segment_type fmp4 \
  -hls_flags independent_segments \
  -hls_fmp4_init_filename init.mp4 \
  -hls_segment_filename "$OUT/%v/seg_%03d.m4s" \
  -master_pl_name master.m3u8 \
  -var_stream_map "v:0,a:0,name:360p v:1,a:1,name:720p" \
  "$OUT/%v/index.m3u8"

posters

# Subtitles: one WebVTT file per segment, mapped to media time 0 (X-TIMESTAMP-MAP).
node "$(dirname "$0")/make-subtitles.mjs" "$OUT" "$SECONDS_LONG" "$SEGMENT"

# A master playlist that names the subtitles (ffmpeg's lists only the renditions).
node "$(dirname "$0")/make-master.mjs" "$OUT"

du -sh "$OUT"
