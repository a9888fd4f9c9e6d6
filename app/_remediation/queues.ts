// Queue names as the exceptions page shows them (mining/exceptions/queues.ts labels).
const QUEUE_LABEL: Record<string, string> = {
  sla: 'SLA breaches and at risk',
  creditHolds: 'Credit holds',
  shippedNotInvoiced: 'Shipped, not invoiced',
  pricingApprovals: 'Pricing approvals',
  disputesAging: 'Disputes open',
  latePayments: 'Late payments',
};
export const queueLabel = (id: string): string => QUEUE_LABEL[id] ?? id;
