-- Records the rows found gone (odoo_stg_gone) in the canonical model (docs/model.md, "Odoo"):
-- the row is marked in odoo_rows; an event `odoo:<table>:<id>:deleted` at the snapshot time
-- (deleted at or before it) with the row's lineage, related to the object the row defined (its
-- odoo_id) and to every object the row's own events were related to; that object gets the
-- attribute deleted_in_source (and an object_changes row). Event ids make a repeat a no-op.
CREATE OR REPLACE TEMP TABLE odoo_stg_del AS
WITH kinds (table_name, object_type, qualifier) AS (
  VALUES ('sale_order', 'sales_order', 'order'), ('sale_order_line', 'order_line', 'line'),
         ('stock_picking', 'delivery', 'delivery'), ('account_move', 'invoice', 'invoice'),
         ('account_move', 'credit_memo', 'credit_memo'), ('account_payment', 'payment', 'payment')
), own AS (
  SELECT g.table_name, g.id, o.object_id, o.object_type, k.qualifier
  FROM odoo_stg_gone g
  JOIN kinds k ON k.table_name = g.table_name
  JOIN objects o ON o.log_id = (SELECT log_id FROM odoo_stg_run) AND o.object_type = k.object_type
   AND TRY_CAST(json_extract_string(o.attrs, '$.odoo_id') AS BIGINT) = g.id
)
SELECT g.table_name, g.id,
       'odoo:' || g.table_name || ':' || g.id AS source_key,
       'odoo:' || g.table_name || ':' || g.id || ':deleted' AS event_id,
       own.object_id, own.qualifier,
       CASE g.table_name
         WHEN 'sale_order' THEN 'Delete Sales Order'
         WHEN 'sale_order_line' THEN 'Delete Order Line'
         WHEN 'stock_picking' THEN 'Delete Delivery'
         WHEN 'stock_move' THEN 'Delete Stock Move'
         WHEN 'account_move' THEN CASE WHEN own.object_type = 'credit_memo' THEN 'Delete Credit Memo' ELSE 'Delete Invoice' END
         WHEN 'account_payment' THEN 'Delete Payment'
         WHEN 'account_partial_reconcile' THEN 'Remove Cash Application'
         ELSE 'Delete Tracking Value'
       END AS activity,
       row_number() OVER (ORDER BY g.table_name, g.id) AS ord
FROM odoo_stg_gone g LEFT JOIN own ON own.table_name = g.table_name AND own.id = g.id;

UPDATE odoo_rows SET deleted_run_id = (SELECT run_id FROM odoo_stg_run), deleted_at = (SELECT deleted_at FROM odoo_stg_run)
FROM odoo_stg_gone g
WHERE odoo_rows.log_id = (SELECT log_id FROM odoo_stg_run) AND odoo_rows.source = (SELECT source FROM odoo_stg_run)
  AND odoo_rows.table_name = g.table_name AND odoo_rows.id = g.id AND odoo_rows.deleted_run_id IS NULL;

INSERT INTO events (log_id, event_id, activity, ts, ts_precision, seq, user_id, user_type, amount, currency, attrs,
                    source_system, source_file, source_key, run_id)
SELECT run.log_id, d.event_id, d.activity, run.deleted_at, 'second', (SELECT coalesce(max(seq), 0) FROM events) + d.ord,
       NULL, NULL, NULL, NULL, json_object('table', d.table_name, 'odoo_id', d.id, 'deleted_in_source', true),
       'odoo', 'odoo:' || d.table_name, d.source_key, run.run_id
FROM odoo_stg_del d CROSS JOIN odoo_stg_run run
WHERE d.event_id NOT IN (SELECT event_id FROM events WHERE log_id = run.log_id);

INSERT INTO event_object (log_id, event_id, object_id, qualifier)
SELECT DISTINCT (SELECT log_id FROM odoo_stg_run), x.event_id, x.object_id, x.qualifier
FROM (
  SELECT d.event_id, d.object_id, d.qualifier FROM odoo_stg_del d WHERE d.object_id IS NOT NULL
  UNION
  SELECT d.event_id, eo.object_id, eo.qualifier
  FROM (SELECT event_id, unnest([source_key, source_key || ':create']) AS own_event FROM odoo_stg_del) d
  JOIN event_object eo ON eo.log_id = (SELECT log_id FROM odoo_stg_run) AND eo.event_id = d.own_event
) x
WHERE NOT EXISTS (SELECT 1 FROM event_object e
                  WHERE e.log_id = (SELECT log_id FROM odoo_stg_run) AND e.event_id = x.event_id
                    AND e.object_id = x.object_id AND e.qualifier = x.qualifier);

INSERT INTO object_changes (log_id, object_id, ts, field, old_value, new_value, event_id, run_id)
SELECT run.log_id, d.object_id, run.deleted_at, 'deleted_in_source', NULL, strftime(run.deleted_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
       d.event_id, run.run_id
FROM odoo_stg_del d CROSS JOIN odoo_stg_run run
WHERE d.object_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM object_changes c
                  WHERE c.log_id = run.log_id AND c.object_id = d.object_id AND c.event_id = d.event_id);

UPDATE objects
SET attrs = json_merge_patch(coalesce(objects.attrs, '{}'::JSON),
                             json_object('deleted_in_source', strftime((SELECT deleted_at FROM odoo_stg_run), '%Y-%m-%dT%H:%M:%S.%gZ')))
FROM odoo_stg_del d
WHERE d.object_id IS NOT NULL AND objects.log_id = (SELECT log_id FROM odoo_stg_run) AND objects.object_id = d.object_id
  AND json_extract_string(objects.attrs, '$.deleted_in_source') IS NULL;
