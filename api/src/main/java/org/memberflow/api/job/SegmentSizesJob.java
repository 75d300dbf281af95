package org.memberflow.api.job;

import java.time.Clock;
import java.time.LocalDate;
import org.memberflow.api.segment.SegmentSizeHistory;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Records every segment's size as today's point of the console's history. Sizes can only be
 * counted now, so the day is today in the job's time zone whenever it runs (a {@code date} given
 * by hand is not used): a late run writes today's point, not a guess at an earlier day's.
 */
@DisallowConcurrentExecution
public class SegmentSizesJob extends QuartzJobBean {
    // Quartz creates jobs itself; Spring fills these fields (SpringBeanJobFactory).
    @Autowired
    private SegmentSizeHistory history;
    @Autowired
    private Clock clock;

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        LocalDate today = LocalDate.now(clock.withZone(TickJob.zoneOf(context)));
        try {
            history.record(today);
        } catch (Exception e) {
            throw TickJob.retryOrGiveUp(context, "segment sizes for " + today, e);
        }
    }
}
