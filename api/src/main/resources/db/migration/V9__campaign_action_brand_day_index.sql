-- The console's chart of actions per campaign per day reads a brand's last 30 days of the log
-- (DashboardMapper.actionsPerDay): brand and time to find the rows, campaign and outcome to count
-- them from the index alone, without reading a row of the table.
ALTER TABLE campaign_action ADD KEY idx_campaign_action_brand_day (brand_id, decided_at, campaign_id, outcome);
