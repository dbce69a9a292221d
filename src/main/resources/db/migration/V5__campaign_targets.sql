alter table campaign_unit add column target integer check (target > 0);
