DROP TABLE IF EXISTS odoo_stg_read;
DROP TABLE IF EXISTS odoo_stg_live;
DROP TABLE IF EXISTS odoo_stg_gone;
DROP TABLE IF EXISTS odoo_stg_del;
DROP TABLE IF EXISTS odoo_stg_run;
