// The CDN build's way in to <vitrine-studio>: this module's name gives its chunk the `staff-`
// prefix, which keeps the producer team's code out of the shopper widget's size budget.
import '../define/studio.js';
