import { deliveryEn } from './messages/delivery.en';
import { deliveryId } from './messages/delivery.id';
import { workspaceCatalogue, type WorkspaceTranslate } from './workspaceCatalogue';

/** The delivery console's messages, in the recovery workspace's lazy chunk. */
export type DeliveryMessageKey = keyof typeof deliveryId;
export type DeliveryTranslate = WorkspaceTranslate<DeliveryMessageKey>;
export const useDeliveryT = workspaceCatalogue<DeliveryMessageKey>({ id: deliveryId, en: deliveryEn });
