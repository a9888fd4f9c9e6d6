-- Waiting before and time in each activity, where the log has start and complete events matched
-- into activity instances (XES lifecycle, CSV start timestamps): median/mean seconds per activity.
SELECT ai.activity, count(*)::BIGINT AS instances,
       median(ai.waiting_seconds) AS median_waiting_seconds, avg(ai.waiting_seconds) AS mean_waiting_seconds,
       median(ai.processing_seconds) AS median_processing_seconds, avg(ai.processing_seconds) AS mean_processing_seconds
FROM activity_instances ai
JOIN cases c ON c.log_id = ai.log_id AND c.perspective = $perspective AND c.case_id = ai.case_id
WHERE ai.log_id = $log_id AND c.case_no IN __SELECTED_CASES__
GROUP BY ai.activity
ORDER BY ai.activity
