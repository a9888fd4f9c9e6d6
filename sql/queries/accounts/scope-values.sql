-- The warehouses and segments an owner can be scoped to: the values the store's order cases carry
-- (a multi-warehouse order's 'WH1,WH2' counts for each of its warehouses, as the filter matches).
SELECT 'warehouse' AS attribute, trim(w) AS value, count(*)::INTEGER AS cases
FROM cases, unnest(string_split(warehouse, ',')) AS t(w)
WHERE perspective = 'order' AND warehouse IS NOT NULL AND trim(w) <> ''
GROUP BY ALL
UNION ALL
SELECT 'segment' AS attribute, segment AS value, count(*)::INTEGER AS cases
FROM cases
WHERE perspective = 'order' AND segment IS NOT NULL
GROUP BY ALL
ORDER BY attribute, value;
