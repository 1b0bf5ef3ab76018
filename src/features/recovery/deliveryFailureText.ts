import { useCallback } from 'react';
import { useDeliveryT, type DeliveryMessageKey, type DeliveryTranslate } from '@/i18n/delivery';
import { hubRefusalText, useHubRefusalT, type HubRefusalTranslate } from '@/i18n/hubRefusals';
import { deliveryId } from '@/i18n/messages/delivery.id';
import type { DeliveryFailure } from '@/sync';

/**
 * Why the console could not ask the hub, in words: not connected, the hub's refusal by its code
 * (never its English message), or no answer (retried by itself).
 */
export function deliveryFailureText(
  td: DeliveryTranslate,
  tr: HubRefusalTranslate,
  failure: DeliveryFailure,
): string {
  if (failure.kind === 'notConnected') return td('failure.notConnected');
  if ('code' in failure && failure.code !== undefined) return hubRefusalText(tr, failure.code);
  return td('failure.hub');
}

/** `deliveryFailureText` with this screen's catalogues. */
export function useDeliveryFailureText(): (failure: DeliveryFailure) => string {
  const td = useDeliveryT();
  const tr = useHubRefusalT();
  return useCallback((failure) => deliveryFailureText(td, tr, failure), [td, tr]);
}

/** A target's reason for refusing or retrying, in words when the console knows the code. */
export function reasonText(td: DeliveryTranslate, code: string): string | undefined {
  const key = `reason.${code}`;
  return key in deliveryId ? td(key as DeliveryMessageKey) : undefined;
}
