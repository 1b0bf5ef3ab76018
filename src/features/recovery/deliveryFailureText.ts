import type { DeliveryTranslate } from '@/i18n/delivery';
import type { DeliveryFailure } from '@/sync';

/** Why the console could not ask the hub, in words. */
export function deliveryFailureText(td: DeliveryTranslate, failure: DeliveryFailure): string {
  return failure.kind === 'notConnected' ? td('failure.notConnected') : td('failure.hub');
}
