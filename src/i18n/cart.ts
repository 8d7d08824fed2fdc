import type { CartError } from '../commerce/cart.js';
import type { ResolvedLocale } from './locale.js';
import { defineMessages, translator } from './translate.js';

/** Shopper-facing cart statuses and errors. */
export const cartMessages = defineMessages(
  {
    adding: 'Adding to your cart…',
    added: { one: 'Added to your cart.', other: '{count} added to your cart.' },
    partial: { one: 'Only {count} could be added: that was all we had in stock.', other: 'Only {count} could be added: that was all we had in stock.' },
    outOfStock: 'Sorry, this is sold out.',
    insufficientStock: 'Not enough in stock to add that many.',
    insufficientStockLeft: { one: 'Only {count} left in stock.', other: 'Only {count} left in stock.' },
    quantityLimit: 'You already have the maximum quantity of this item in your cart.',
    notFound: 'This product is no longer available.',
    unauthorized: 'Your session has expired. Reload the page and try again.',
    rateLimited: 'The shop is busy. Please try again in a moment.',
    rateLimitedSeconds: { one: 'The shop is busy. Please try again in {count} second.', other: 'The shop is busy. Please try again in {count} seconds.' },
    network: 'We could not reach the shop. Check your connection and try again.',
    unknown: 'Something went wrong while adding to your cart. Please try again.',
  },
  {
    nl: {
      adding: 'Toevoegen aan je winkelwagen…',
      added: { one: 'Toegevoegd aan je winkelwagen.', other: '{count} toegevoegd aan je winkelwagen.' },
      partial: { one: 'Er kon er maar {count} worden toegevoegd: meer hadden we niet op voorraad.', other: 'Er konden er maar {count} worden toegevoegd: meer hadden we niet op voorraad.' },
      outOfStock: 'Sorry, dit is uitverkocht.',
      insufficientStock: 'Er is niet genoeg voorraad om er zoveel toe te voegen.',
      insufficientStockLeft: { one: 'Nog maar {count} op voorraad.', other: 'Nog maar {count} op voorraad.' },
      quantityLimit: 'Je hebt al het maximale aantal van dit artikel in je winkelwagen.',
      notFound: 'Dit product is niet meer beschikbaar.',
      unauthorized: 'Je sessie is verlopen. Laad de pagina opnieuw en probeer het nog eens.',
      rateLimited: 'De winkel heeft het even druk. Probeer het zo nog eens.',
      rateLimitedSeconds: { one: 'De winkel heeft het even druk. Probeer het over {count} seconde nog eens.', other: 'De winkel heeft het even druk. Probeer het over {count} seconden nog eens.' },
      network: 'We konden de winkel niet bereiken. Controleer je verbinding en probeer het opnieuw.',
      unknown: 'Er ging iets mis bij het toevoegen aan je winkelwagen. Probeer het opnieuw.',
    },
    fr: {
      adding: 'Ajout au panier…',
      added: { one: 'Ajouté à votre panier.', other: '{count} articles ajoutés à votre panier.' },
      partial: { one: 'Seul {count} article a pu être ajouté : c’était tout notre stock.', other: 'Seuls {count} articles ont pu être ajoutés : c’était tout notre stock.' },
      outOfStock: 'Désolé, cet article est épuisé.',
      insufficientStock: 'Stock insuffisant pour en ajouter autant.',
      insufficientStockLeft: { one: 'Plus que {count} en stock.', other: 'Plus que {count} en stock.' },
      quantityLimit: 'Vous avez déjà la quantité maximale de cet article dans votre panier.',
      notFound: 'Ce produit n’est plus disponible.',
      unauthorized: 'Votre session a expiré. Rechargez la page et réessayez.',
      rateLimited: 'La boutique est très sollicitée. Réessayez dans un instant.',
      rateLimitedSeconds: { one: 'La boutique est très sollicitée. Réessayez dans {count} seconde.', other: 'La boutique est très sollicitée. Réessayez dans {count} secondes.' },
      network: 'Impossible de joindre la boutique. Vérifiez votre connexion et réessayez.',
      unknown: 'Un problème est survenu lors de l’ajout au panier. Veuillez réessayer.',
    },
  },
);

/** The message to show the shopper for a failed (or partial) add, in the widget's locale. */
export function cartErrorMessage(error: CartError, locale: ResolvedLocale): string {
  const t = translator(cartMessages, locale);
  switch (error.code) {
    case 'out_of_stock':
      return t('outOfStock');
    case 'insufficient_stock':
      if (error.quantityAdded > 0) return t('partial', { count: error.quantityAdded });
      if (error.available !== undefined && error.available > 0) return t('insufficientStockLeft', { count: error.available });
      if (error.available === 0) return t('outOfStock');
      return t('insufficientStock');
    case 'quantity_limit':
      return t('quantityLimit');
    case 'not_found':
      return t('notFound');
    case 'unauthorized':
      return t('unauthorized');
    case 'rate_limited':
      return error.retryAfter !== undefined && error.retryAfter > 0 ? t('rateLimitedSeconds', { count: Math.ceil(error.retryAfter) }) : t('rateLimited');
    case 'network':
      return t('network');
    default:
      return t('unknown');
  }
}
