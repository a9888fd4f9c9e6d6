import { describe, expect, it } from 'vitest';
import type { CaseObjectEdge, CaseObjectNode } from '../mining/types';
import { layoutObjectGraph, OBJ_WIDTH } from './object-graph-layout';

const node = (id: string): CaseObjectNode => ({ id, type: id.split(':')[0], summary: [], sourceSystem: null, sourceKey: null, isCase: id.startsWith('sales_order') });
const nodes = ['customer:1', 'sales_order:1', 'order_line:1/10', 'delivery:8', 'invoice:9', 'payment:p'].map(node);
const edges: CaseObjectEdge[] = [
  { source: 'customer:1', target: 'sales_order:1', qualifier: 'places' },
  { source: 'sales_order:1', target: 'order_line:1/10', qualifier: 'comprises' },
  { source: 'sales_order:1', target: 'delivery:8', qualifier: 'fulfilled by' },
  { source: 'order_line:1/10', target: 'delivery:8', qualifier: 'fulfilled by' },
  { source: 'delivery:8', target: 'invoice:9', qualifier: 'billed by' },
  { source: 'sales_order:1', target: 'invoice:9', qualifier: 'billed by' },
  { source: 'invoice:9', target: 'payment:p', qualifier: 'settled by' },
  { source: 'invoice:9', target: 'gone:1', qualifier: 'dangling' },
];

describe('object graph layout', () => {
  it('places every object left to right along the relations, the same way every time', () => {
    const a = layoutObjectGraph(nodes, edges);
    const b = layoutObjectGraph([...nodes].reverse(), [...edges].reverse());
    expect(a.nodes.map((n) => n.id)).toEqual(nodes.map((n) => n.id));
    const x = (g: typeof a, id: string) => g.nodes.find((n) => n.id === id)!.x;
    for (const id of nodes.map((n) => n.id)) expect(x(b, id)).toBe(x(a, id));
    expect(x(a, 'customer:1')).toBeLessThan(x(a, 'sales_order:1'));
    expect(x(a, 'delivery:8')).toBeLessThan(x(a, 'invoice:9'));
    expect(x(a, 'invoice:9')).toBeLessThan(x(a, 'payment:p'));
    expect(a.edges).toHaveLength(7); // the relation to an object not drawn is left out
    expect(a.edges.every((e) => e.d.startsWith('M'))).toBe(true);
    expect(a.width).toBeGreaterThanOrEqual(OBJ_WIDTH * 5);
  });
});
