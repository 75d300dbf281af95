package org.memberflow.api.job;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.memberflow.api.engine.EngineProperties;
import org.memberflow.engine.Topics;
import org.memberflow.engine.segment.BreakpointsRecord;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The nightly RFM breakpoints: per brand, quintile cuts and means of recency, frequency and spend
 * over the members who bought in the window, by SQL over the member table, published on
 * {@code rfm-breakpoints} (compacted, key = brand). The engine classes members with them from the
 * next event or sweep. Computing them twice publishes the same record.
 */
@DisallowConcurrentExecution
public class BreakpointsJob extends QuartzJobBean {
    // Quartz creates jobs itself; Spring fills these fields (SpringBeanJobFactory).
    @Autowired
    private BreakpointsQuery query;
    @Autowired
    private KafkaTemplate<String, byte[]> kafka;
    @Autowired
    private EngineProperties engine;

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        LocalDate today = TickJob.dateOf(context);
        try {
            for (String brand : query.brands(today, engine.windowDays())) {
                BreakpointsRecord record = BreakpointsRecord.of(query.compute(brand, today, engine.windowDays()));
                kafka.send(Topics.RFM_BREAKPOINTS.name(), brand,
                        Topics.RFM_BREAKPOINTS.valueSerde().serializer().serialize(null, record)).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw TickJob.retryOrGiveUp(context, "rfm breakpoints for " + today, e);
        }
    }
}
