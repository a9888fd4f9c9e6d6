// What both WMS sources share: delivery ids and the order line behind a delivery item.
import { objectId, stripZeros } from '../common/keys';

export const deliveryId = (ref: string): string => objectId('delivery', stripZeros(ref));

/** The order line a delivery item fulfils, known from SAP LIPS (an alias it defines). */
export const deliveryItemAlias = (deliveryRef: string, lineRef: string): string =>
  `~~sap:dlvitem:${stripZeros(deliveryRef)}/${stripZeros(lineRef)}`;
