import { defineMessages } from './translate.js';

/** Text of the <vitrine-show> facade and frame. */
export const showMessages = defineMessages(
  {
    play: 'Play',
    playTitled: 'Play: {title}',
    loading: 'Loading…',
    loadFailed: 'The video could not be loaded.',
    retry: 'Try again',
  },
  {
    nl: {
      play: 'Afspelen',
      playTitled: 'Afspelen: {title}',
      loading: 'Laden…',
      loadFailed: 'De video kon niet worden geladen.',
      retry: 'Opnieuw proberen',
    },
    fr: {
      play: 'Lire',
      playTitled: 'Lire\u202F: {title}',
      loading: 'Chargement…',
      loadFailed: 'La vidéo n’a pas pu être chargée.',
      retry: 'Réessayer',
    },
  },
);
