-- A manager's backtest replays the leads of their part of the organisation only; directors' and admins' cover everything (null).
ALTER TABLE routing_backtest ADD COLUMN scope_team_id bigint REFERENCES team (id);
