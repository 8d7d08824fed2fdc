#!/usr/bin/env node
// Writes segmented WebVTT subtitles (English and Dutch) for the demo media: one file per media
// segment and a VOD playlist per language. Called by make-media.sh.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [out, totalArg, segmentArg] = process.argv.slice(2);
const total = Number(totalArg);
const segment = Number(segmentArg);
const count = Math.round(total / segment);

const lines = {
  en: ['Welcome to the Vitrine demo', 'The host shows the spring collection', 'Ask anything in the chat', 'Tap a product to add it to your cart', 'Only a few left in this colour', 'Flash offer: ten minutes only', 'Available in five sizes', 'Free returns within thirty days', 'Thanks for watching', 'Back at the start of the loop'],
  nl: ['Welkom bij de Vitrine-demo', 'De presentator toont de voorjaarscollectie', 'Stel je vraag in de chat', 'Tik op een product om het in je winkelwagen te leggen', 'Nog maar een paar in deze kleur', 'Flitsaanbieding: slechts tien minuten', 'Verkrijgbaar in vijf maten', 'Gratis retour binnen dertig dagen', 'Bedankt voor het kijken', 'Terug bij het begin van de lus'],
};

const stamp = (seconds) => {
  const ms = Math.round(seconds * 1000);
  const h = String(Math.floor(ms / 3_600_000)).padStart(2, '0');
  const m = String(Math.floor((ms % 3_600_000) / 60_000)).padStart(2, '0');
  const s = String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0');
  return `${h}:${m}:${s}.${String(ms % 1000).padStart(3, '0')}`;
};

for (const [language, texts] of Object.entries(lines)) {
  const dir = join(out, 'subs', language);
  mkdirSync(dir, { recursive: true });
  const playlist = ['#EXTM3U', '#EXT-X-VERSION:6', `#EXT-X-TARGETDURATION:${segment}`, '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD'];
  for (let i = 0; i < count; i += 1) {
    const start = i * segment;
    const file = `seg_${String(i).padStart(3, '0')}.vtt`;
    // Cue times are media times; MPEGTS 0 maps them to the start of the media timeline.
    const vtt = `WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n${stamp(start + 0.1)} --> ${stamp(start + segment - 0.1)}\n${texts[i % texts.length]}\n`;
    writeFileSync(join(dir, file), vtt);
    playlist.push(`#EXTINF:${segment.toFixed(6)},`, file);
  }
  playlist.push('#EXT-X-ENDLIST', '');
  writeFileSync(join(dir, 'index.m3u8'), playlist.join('\n'));
}
