/** Every `vitrine-*` event name declared in GlobalEventHandlersEventMap by the feature modules. */
export type VitrineEventName = Extract<keyof GlobalEventHandlersEventMap, `vitrine-${string}`>;

/** The `detail` type of a `vitrine-*` event. */
export type VitrineEventDetail<K extends VitrineEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a typed `vitrine-*` event: bubbling and composed, so it reaches the host page from
 * inside any shadow root. Returns false when a listener cancelled a cancelable event.
 */
export function emit<K extends VitrineEventName>(
  target: EventTarget,
  type: K,
  detail: VitrineEventDetail<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
