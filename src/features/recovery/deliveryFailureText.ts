import type { DeliveryMessageKey, DeliveryTranslate } from '@/i18n/delivery';
import { deliveryId } from '@/i18n/messages/delivery.id';
import type { DeliveryFailure } from '@/sync';

/** Why the console could not ask the hub, in words. */
export function deliveryFailureText(td: DeliveryTranslate, failure: DeliveryFailure): string {
  return failure.kind === 'notConnected' ? td('failure.notConnected') : td('failure.hub');
}

/** A target's reason for refusing or retrying, in words when the console knows the code. */
export function reasonText(td: DeliveryTranslate, code: string): string | undefined {
  const key = `reason.${code}`;
  return key in deliveryId ? td(key as DeliveryMessageKey) : undefined;
}
