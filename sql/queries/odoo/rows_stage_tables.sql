CREATE OR REPLACE TEMP TABLE odoo_stg_read (table_name VARCHAR, id BIGINT);
CREATE OR REPLACE TEMP TABLE odoo_stg_live (table_name VARCHAR, id BIGINT);
CREATE OR REPLACE TEMP TABLE odoo_stg_gone (table_name VARCHAR, id BIGINT);
