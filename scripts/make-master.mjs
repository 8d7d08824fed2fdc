#!/usr/bin/env node
// Rewrites the demo master playlist so the renditions reference the subtitle group.
// Called by make-media.sh after ffmpeg wrote master.m3u8 with the renditions only.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
const ffmpegMaster = readFileSync(join(out, 'master.m3u8'), 'utf8').split('\n');
const lines = ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-INDEPENDENT-SEGMENTS',
  '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,URI="subs/en/index.m3u8"',
  '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Nederlands",LANGUAGE="nl",DEFAULT=NO,AUTOSELECT=YES,URI="subs/nl/index.m3u8"',
];
for (let i = 0; i < ffmpegMaster.length; i += 1) {
  const line = ffmpegMaster[i];
  if (line.startsWith('#EXT-X-STREAM-INF:')) {
    lines.push(`${line},SUBTITLES="subs"`, ffmpegMaster[i + 1]);
    i += 1;
  }
}
writeFileSync(join(out, 'master.m3u8'), `${lines.join('\n')}\n`);
